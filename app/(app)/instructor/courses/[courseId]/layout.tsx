// The frame of a course's staff pages: title, the caller's role, and the tabs. The course role is
// checked here, outside any Suspense boundary, so a student or another course's instructor gets a
// real 403 (404 for a course that does not exist) before streaming starts. Pages and actions
// below check again (a layout is not re-run on client-side navigation; an action is a POST).
import { pageCourseRole } from "@/lib/auth/page";
import { ROLES_FOR } from "@/lib/auth/course-roles";
import { pageParams } from "@/lib/pages/params";
import { CourseTabs } from "./course-tabs";

export default async function CourseStaffLayout({ children, params }: { children: React.ReactNode; params: Promise<{ courseId: string }> }) {
  const { courseId } = await pageParams(params);
  const { course, courseRole } = await pageCourseRole(courseId, ROLES_FOR.view, `/instructor/courses/${courseId}`);
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Teach · CPython {course.pythonVersion}</p>
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{course.title}</h1>
        </div>
        {courseRole === "TA" ? (
          <p className="rounded-full bg-amber-100 px-3 py-1 text-sm font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="read-only">
            Teaching assistant: read only
          </p>
        ) : null}
      </div>
      <CourseTabs courseId={course.id} />
      {children}
    </div>
  );
}
