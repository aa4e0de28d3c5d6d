import type { Metadata } from "next";
import Link from "next/link";
import { pageCourseRole } from "@/lib/auth/page";
import { courseOverview } from "@/lib/courses/service";
import { pageParams } from "@/lib/pages/params";
import { card, PageTitle } from "@/app/ui/page-title";
import { JoinCodeToggle } from "../forms";

export const metadata: Metadata = { title: "Course" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function CoursePage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId } = await pageParams(params);
  const flags = await searchParams;
  const { course, courseRole } = await pageCourseRole(courseId, ["STUDENT", "TA", "INSTRUCTOR"], `/courses/${courseId}`);
  const overview = await courseOverview(course.id);
  const teaches = courseRole === "INSTRUCTOR";
  return (
    <div className="space-y-6">
      <PageTitle title={course.title} lead={`CPython ${course.pythonVersion} · taught by ${overview.ownerName}`} />
      {flags.joined === "1" ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          You joined {course.title}.
        </p>
      ) : null}
      {flags.created === "1" ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          Course created. Share the join code below with your students.
        </p>
      ) : null}

      {teaches ? (
        <section aria-labelledby="join" className={`${card} grid gap-4 sm:grid-cols-[1fr_auto] sm:items-center`}>
          <div>
            <h2 id="join" className="text-sm font-medium text-zinc-600 dark:text-zinc-400">
              Join code {course.joinCodeEnabled ? "" : "(closed)"}
            </h2>
            <p className="mt-1 font-mono text-3xl font-semibold tracking-[0.2em]" data-testid="join-code">
              {course.joinCode}
            </p>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="roster-count">
              {overview.studentCount} student{overview.studentCount === 1 ? "" : "s"} enrolled
            </p>
          </div>
          <JoinCodeToggle courseId={course.id} enabled={course.joinCodeEnabled} />
        </section>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="enrolled-as">
          You are enrolled as {courseRole === "TA" ? "a teaching assistant" : "a student"}.
        </p>
      )}
      {courseRole !== "STUDENT" ? (
        <Link href={`/instructor/courses/${course.id}`} className="inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-300">
          {teaches ? "Manage the course: roster, assessments, analytics" : "Open the course's staff pages (read only)"}
        </Link>
      ) : null}

      <section aria-labelledby="assessments" className="space-y-3">
        <h2 id="assessments" className="text-lg font-semibold">
          Homework and quizzes
        </h2>
        {overview.assessments.length === 0 ? (
          <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            Nothing published yet.
          </p>
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {overview.assessments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 p-4">
                <Link href={`/assessments/${a.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-300">
                  {a.title}
                </Link>
                <span className="text-sm text-zinc-600 dark:text-zinc-400">
                  {a.kind === "QUIZ" ? "Quiz" : "Homework"} · {dateTime.format(a.opensAt)} to {dateTime.format(a.closesAt)} UTC
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
