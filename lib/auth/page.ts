// Guards for pages (server components). The same checks as guards.ts, with the answers a
// browser needs (lib/pages/answer.ts forPage): anonymous → redirect to sign-in (and back
// afterwards), not allowed → the 403 page (app/forbidden.tsx), missing → the 404 page.
import { forPage } from "@/lib/pages/answer";
import type { Caller } from "./caller";
import { type CourseAccess, requireCourseRole, requireRole, requireUser } from "./guards";
import type { CourseRole, Role } from "./roles";

export const pageUser = (returnTo: string): Promise<Caller> => forPage(returnTo, () => requireUser());

export const pageRole = (role: Role, returnTo: string): Promise<Caller> => forPage(returnTo, () => requireRole(role));

export const pageCourseRole = (courseId: string, roles: CourseRole[], returnTo: string): Promise<CourseAccess> =>
  forPage(returnTo, () => requireCourseRole(courseId, roles));
