import { joinCourseSchema } from "@/lib/courses/schema";
import { joinCourse } from "@/lib/courses/service";
import { route } from "@/lib/http/route";

/** Any signed-in user joins a course by its code; joining again answers 200 and changes nothing. */
export const POST = route({ auth: "user", body: joinCourseSchema }, async ({ caller, body }) => {
  const joined = await joinCourse(caller, body.code);
  return Response.json(joined, { status: joined.alreadyEnrolled ? 200 : 201 });
});
