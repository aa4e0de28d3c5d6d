import type { Metadata } from "next";
import Link from "next/link";
import { canEdit, ROLES_FOR } from "@/lib/auth/course-roles";
import { pageCourseRole } from "@/lib/auth/page";
import { staffOverview } from "@/lib/courses/service";
import { pageParams } from "@/lib/pages/params";
import { card } from "@/app/ui/page-title";
import { JoinCodeControls } from "./roster/join-code-controls";

export const metadata: Metadata = { title: "Course overview" };

export default async function CourseOverviewPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await pageParams(params);
  const { course, courseRole } = await pageCourseRole(courseId, ROLES_FOR.view, `/instructor/courses/${courseId}`);
  const overview = await staffOverview(course.id);
  const base = `/instructor/courses/${course.id}`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return (
    <div className="space-y-6">
      <section aria-labelledby="join" className={`${card} grid gap-4 sm:grid-cols-[1fr_auto] sm:items-center`}>
        <div>
          <h2 id="join" className="text-sm font-medium text-zinc-600 dark:text-zinc-400">
            Join code {course.joinCodeEnabled ? "(open)" : "(closed: nobody new can join)"}
          </h2>
          <p className={`mt-1 font-mono text-3xl font-semibold tracking-[0.2em] ${course.joinCodeEnabled ? "" : "text-zinc-400 line-through dark:text-zinc-500"}`} data-testid="join-code">
            {course.joinCode}
          </p>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Students join at /courses with this code.</p>
        </div>
        {canEdit(courseRole) ? <JoinCodeControls courseId={course.id} enabled={course.joinCodeEnabled} /> : null}
      </section>

      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="people" className={card}>
          <h2 id="people" className="font-semibold">
            People
          </h2>
          <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300" data-testid="people-count">
            {plural(overview.people.STUDENT, "student")} · {plural(overview.people.TA, "TA")} · {plural(overview.people.INSTRUCTOR + 1, "instructor")}
          </p>
          <Link href={`${base}/roster`} className="mt-3 inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-300">
            Open the roster
          </Link>
        </section>
        <section aria-labelledby="work" className={card}>
          <h2 id="work" className="font-semibold">
            Assessments
          </h2>
          <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
            {plural(overview.assessments, "assessment")}, {overview.published} published
          </p>
          <div className="mt-3 flex flex-wrap gap-4 text-sm font-medium">
            <Link href={`${base}/assessments`} className="text-brand-600 hover:underline dark:text-brand-300">
              Assessments
            </Link>
            <Link href={`${base}/questions`} className="text-brand-600 hover:underline dark:text-brand-300">
              Questions
            </Link>
            <Link href={`${base}/analytics`} className="text-brand-600 hover:underline dark:text-brand-300">
              Analytics
            </Link>
          </div>
        </section>
      </div>
    </div>
  );
}
