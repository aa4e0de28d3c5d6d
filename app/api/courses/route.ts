import { createCourseSchema } from "@/lib/courses/schema";
import { createCourse, listCourses } from "@/lib/courses/service";
import { route } from "@/lib/http/route";

/** The caller's courses: owned, and enrolled in. */
export const GET = route({ auth: "user" }, async ({ caller }) => ({ courses: await listCourses(caller.id) }));

/** Instructors (and admins) create a course and get its join code. */
export const POST = route({ auth: "INSTRUCTOR", body: createCourseSchema }, async ({ caller, body }) => {
  const course = await createCourse(caller, body);
  return Response.json({ course }, { status: 201 });
});
