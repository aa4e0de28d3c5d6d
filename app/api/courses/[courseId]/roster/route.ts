// The roster over JSON (scripts, LMS sync): the course's staff read it, its instructors add people.
import { z } from "zod";
import { requireCourseAccess } from "@/lib/auth/course-roles";
import { addMember, listRoster } from "@/lib/courses/roster";
import { addMemberSchema, rosterQuerySchema } from "@/lib/courses/schema";
import { route } from "@/lib/http/route";
import { courseAccess } from "@/lib/courses/access";

const params = z.object({ courseId: z.string().min(1).max(64) });

export const GET = route({ auth: "user", params }, async ({ caller, params, req }) => {
  await requireCourseAccess(caller, params.courseId, "view");
  const query = rosterQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return listRoster(params.courseId, query);
});

export const POST = route({ auth: "user", params, access: courseAccess("edit"), body: addMemberSchema.omit({ courseId: true }) }, async ({ params, body }) => {
  const member = await addMember(params.courseId, body.email, body.role);
  return Response.json({ member }, { status: 201 });
});
