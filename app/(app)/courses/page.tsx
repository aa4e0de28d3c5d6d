import type { Metadata } from "next";
import Link from "next/link";
import { pageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { listCourses } from "@/lib/courses/service";
import { card, PageTitle } from "@/app/ui/page-title";
import { JoinCourseForm } from "./forms";

export const metadata: Metadata = { title: "Courses" };

export default async function CoursesPage() {
  const caller = await pageUser("/courses");
  const courses = await listCourses(caller.id);
  const teaches = hasRole(caller.role, "INSTRUCTOR");
  return (
    <div>
      <PageTitle title="Courses" lead="The courses you teach or take." />
      <div className="grid gap-6 md:grid-cols-[1fr_18rem]">
        <section aria-labelledby="your-courses">
          <h2 id="your-courses" className="sr-only">
            Your courses
          </h2>
          {courses.length === 0 ? (
            <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              You are not in any course yet. {teaches ? "Create one, or join one with a code." : "Join one with the code your instructor gave you."}
            </p>
          ) : (
            <ul className="space-y-3" data-testid="course-list">
              {courses.map((c) => (
                <li key={c.id}>
                  <Link href={`/courses/${c.id}`} className={`${card} block hover:border-brand-500`}>
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <span className="font-semibold">{c.title}</span>
                      <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                        {c.courseRole === "INSTRUCTOR" ? "Instructor" : c.courseRole === "TA" ? "TA" : "Student"}
                      </span>
                    </div>
                    <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                      CPython {c.pythonVersion}
                      {c.joinCode ? ` · ${c.studentCount} student${c.studentCount === 1 ? "" : "s"} · code ` : ""}
                      {c.joinCode ? <span className="font-mono">{c.joinCode}</span> : null}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside className="space-y-6">
          <div className={card}>
            <h2 className="mb-3 font-semibold">Join a course</h2>
            <JoinCourseForm />
          </div>
          {teaches ? (
            <Link href="/instructor/courses/new" className="block rounded-md bg-brand-600 px-4 py-2.5 text-center text-sm font-semibold text-white hover:bg-brand-700">
              Create a course
            </Link>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
