// Guards for pages (server components). The same checks as guards.ts, with the answers a
// browser needs: anonymous → redirect to sign-in (and back afterwards), not allowed → the 403
// page (app/forbidden.tsx), missing → the 404 page.
import { forbidden, notFound, redirect } from "next/navigation";
import { HttpError } from "@/lib/http/errors";
import type { Caller } from "./caller";
import { type CourseAccess, requireCourseRole, requireRole, requireUser } from "./guards";
import type { CourseRole, Role } from "./roles";

export function signInPath(returnTo: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;
}

async function asPage<T>(returnTo: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof HttpError) {
      if (error.code === "unauthenticated") redirect(signInPath(returnTo));
      if (error.code === "forbidden") forbidden();
      if (error.code === "not_found") notFound();
    }
    throw error;
  }
}

export const pageUser = (returnTo: string): Promise<Caller> => asPage(returnTo, () => requireUser());

export const pageRole = (role: Role, returnTo: string): Promise<Caller> => asPage(returnTo, () => requireRole(role));

export const pageCourseRole = (courseId: string, roles: CourseRole[], returnTo: string): Promise<CourseAccess> =>
  asPage(returnTo, () => requireCourseRole(courseId, roles));
