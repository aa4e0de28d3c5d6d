// The `access` step of route() (lib/http/route.ts) for course routes: the caller's course role is
// checked against the course in the URL before the body is read, so a student or TA posting to
// an instructor's route gets 403 whatever the body, and learns nothing of its schema.
import type { Caller } from "@/lib/auth/caller";
import { type CourseAccessLevel, requireCourseAccess } from "@/lib/auth/course-roles";

export const courseAccess =
  (level: CourseAccessLevel) =>
  ({ caller, params }: { caller: Caller; params: { courseId: string } }) =>
    requireCourseAccess(caller, params.courseId, level);
