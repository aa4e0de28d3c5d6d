// The `access` step of route() and action() (lib/http) for course routes and forms: the caller's
// course role is checked against the course in the URL (or the form's courseId) before the body
// is judged, so a student or TA posting to an instructor's route gets 403 whatever the body, and
// learns nothing of its schema.
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { type CourseAccessLevel, requireCourseAccess } from "@/lib/auth/course-roles";
import { notFound } from "@/lib/http/errors";

const idField = z.string().min(1).max(64);

export const courseAccess =
  (level: CourseAccessLevel) =>
  ({ caller, params }: { caller: Caller; params: { courseId: string } }) =>
    requireCourseAccess(caller, params.courseId, level);

/** The same for a server action: the course is the form's `courseId` field, not yet parsed. */
export const courseFormAccess =
  (level: CourseAccessLevel) =>
  async (caller: Caller, values: Record<string, string>) => {
    const courseId = idField.safeParse(values.courseId);
    if (!courseId.success) throw notFound("No such course.");
    return requireCourseAccess(caller, courseId.data, level);
  };
