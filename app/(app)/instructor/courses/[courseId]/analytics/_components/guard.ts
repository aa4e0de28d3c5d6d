// The analytics pages' guard: lib/analytics throws HttpErrors (401/403/404); a page answers them
// the way lib/auth/page.ts does (sign-in redirect, the 403 page, the 404 page). The course check
// runs first, so a student or another course's instructor is refused before any query.
import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { READERS } from "@/lib/analytics/access";
import { pageCourseRole, signInPath } from "@/lib/auth/page";
import { HttpError } from "@/lib/http/errors";

export const analyticsPath = (courseId: string, rest = "") => `/instructor/courses/${courseId}/analytics${rest}`;

export function courseReader(courseId: string, returnTo: string) {
  return pageCourseRole(courseId, READERS, returnTo);
}

export async function orPage<T>(returnTo: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError) {
      if (error.code === "unauthenticated") redirect(signInPath(returnTo));
      if (error.code === "forbidden") forbidden();
      if (error.code === "not_found" || error.code === "invalid") notFound();
    }
    throw error;
  }
}
