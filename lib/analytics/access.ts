// Who may read analytics: the course's INSTRUCTOR or TA (site admins and the owner count as
// INSTRUCTOR, per lib/auth). A STUDENT is forbidden; another course's instructor is forbidden, and
// an id that names nothing is not found. Every analytics function calls one of these first.
import type { Caller } from "@/lib/auth/caller";
import { ROLES_FOR } from "@/lib/auth/course-roles";
import { requireCourseRole, type CourseAccess } from "@/lib/auth/guards";
import type { CourseRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { z } from "zod";

// The course-staff rule of lib/auth/course-roles.ts: readers "view", editors "edit".
export const READERS: CourseRole[] = ROLES_FOR.view;
export const EDITORS: CourseRole[] = ROLES_FOR.edit;

export const idSchema = z.string().trim().min(1).max(64);

export async function authorizeCourse(caller: Caller, courseId: string, roles: CourseRole[] = READERS): Promise<CourseAccess> {
  return requireCourseRole(idSchema.parse(courseId), roles, caller);
}

/** The assessment's course access; the assessment row is read only to find its course. */
export async function authorizeAssessment(
  caller: Caller,
  assessmentId: string,
  roles: CourseRole[] = READERS,
): Promise<CourseAccess & { assessment: { id: string; courseId: string; title: string; scorePolicy: "BEST" | "LAST" } }> {
  const id = idSchema.parse(assessmentId);
  const assessment = await getPrisma().assessment.findUnique({ where: { id }, select: { id: true, courseId: true, title: true, scorePolicy: true } });
  if (!assessment) throw notFound("No such assessment.");
  const access = await requireCourseRole(assessment.courseId, roles, caller);
  return { ...access, assessment };
}

/**
 * The assessment as a page of course `courseId` shows it: authorized like authorizeAssessment, and
 * not found when it belongs to another course (a URL mixing two courses names nothing).
 */
export async function assessmentOfCourse(caller: Caller, courseId: string, assessmentId: string, roles: CourseRole[] = READERS) {
  const access = await authorizeAssessment(caller, assessmentId, roles);
  if (access.assessment.courseId !== idSchema.parse(courseId)) throw notFound("No such assessment in this course.");
  return access;
}
