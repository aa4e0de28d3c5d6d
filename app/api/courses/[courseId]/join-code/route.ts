// The course's join code: its staff read it; its instructors issue a new one (the old one stops
// working at once) or close and reopen it.
import { z } from "zod";
import { requireCourseAccess } from "@/lib/auth/course-roles";
import { joinCodeActionSchema } from "@/lib/courses/schema";
import { regenerateJoinCode, setJoinCodeEnabled } from "@/lib/courses/service";
import { route } from "@/lib/http/route";
import { courseAccess } from "@/lib/courses/access";

const params = z.object({ courseId: z.string().min(1).max(64) });

export const GET = route({ auth: "user", params }, async ({ caller, params }) => {
  const { course } = await requireCourseAccess(caller, params.courseId, "view");
  return { joinCode: course.joinCode, joinCodeEnabled: course.joinCodeEnabled };
});

export const POST = route({ auth: "user", params, access: courseAccess("edit"), body: joinCodeActionSchema.omit({ courseId: true }) }, async ({ caller, params, body }) => {
  const { course } = await requireCourseAccess(caller, params.courseId, "edit");
  if (body.op === "regenerate") return { joinCode: await regenerateJoinCode(course.id), joinCodeEnabled: course.joinCodeEnabled };
  await setJoinCodeEnabled(course.id, body.op === "enable");
  return { joinCode: course.joinCode, joinCodeEnabled: body.op === "enable" };
});
