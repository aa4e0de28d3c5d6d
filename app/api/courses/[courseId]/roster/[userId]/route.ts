// One person of the roster: change their course role, or remove them. Never the owner.
import { z } from "zod";
import { requireCourseAccess } from "@/lib/auth/course-roles";
import { changeRole, removeMember } from "@/lib/courses/roster";
import { rosterRoleSchema } from "@/lib/courses/schema";
import { route } from "@/lib/http/route";
import { courseAccess } from "@/lib/courses/access";

const params = z.object({ courseId: z.string().min(1).max(64), userId: z.string().min(1).max(64) });

export const PATCH = route({ auth: "user", params, access: courseAccess("edit"), body: z.object({ role: rosterRoleSchema }) }, async ({ params, body }) => {
  await changeRole(params.courseId, params.userId, body.role);
  return { userId: params.userId, role: body.role };
});

export const DELETE = route({ auth: "user", params }, async ({ caller, params }) => {
  await requireCourseAccess(caller, params.courseId, "edit");
  await removeMember(params.courseId, params.userId);
  return { removed: params.userId };
});
