// The analytics pages' course check: it runs first, so a student or another course's instructor
// is refused before any query. What lib/analytics throws after it, a page answers with forPage
// (lib/pages/answer.ts).
import "server-only";
import { READERS } from "@/lib/analytics/access";
import { pageCourseRole } from "@/lib/auth/page";

export const analyticsPath = (courseId: string, rest = "") => `/instructor/courses/${courseId}/analytics${rest}`;

export function courseReader(courseId: string, returnTo: string) {
  return pageCourseRole(courseId, READERS, returnTo);
}
