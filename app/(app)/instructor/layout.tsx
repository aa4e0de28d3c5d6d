// Every page under /instructor needs a signed-in user, checked here outside any Suspense
// boundary so an anonymous visitor is redirected before streaming starts. What more a page needs
// is its own check: the course list and "create a course" need the INSTRUCTOR site role, and a
// course's pages need the course role from their layout (courses/[courseId]/layout.tsx), because
// a TA is usually a student on the site and an instructor only in the course.
import { pageUser } from "@/lib/auth/page";

export default async function InstructorLayout({ children }: { children: React.ReactNode }) {
  await pageUser("/instructor");
  return children;
}
