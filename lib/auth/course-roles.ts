// The course-staff rule in one place: "view" is for the course's INSTRUCTORs and TAs (a TA sees
// everything of the course), "edit" for its INSTRUCTORs only (site admins and the owner count as
// INSTRUCTOR, per guards.ts). Every page, server action and route handler of the course's staff
// area asks through this function, so "a TA edits nothing" is enforced by one line, not by
// whichever buttons a page happened to hide.
import type { Caller } from "./caller";
import { type CourseAccess, requireCourseRole } from "./guards";
import type { CourseRole } from "./roles";

export type CourseAccessLevel = "view" | "edit";

export const ROLES_FOR: Record<CourseAccessLevel, CourseRole[]> = {
  view: ["INSTRUCTOR", "TA"],
  edit: ["INSTRUCTOR"],
};

/** The course, if the caller may `level` it: else 401/403/404 as requireCourseRole throws. */
export function requireCourseAccess(caller: Caller | null | undefined, courseId: string, level: CourseAccessLevel): Promise<CourseAccess> {
  return requireCourseRole(courseId, ROLES_FOR[level], caller);
}

/** Whether a course role may edit: what pages use to decide which buttons to show. */
export function canEdit(courseRole: CourseRole): boolean {
  return ROLES_FOR.edit.includes(courseRole);
}
