import type { Metadata } from "next";
import Link from "next/link";
import { pageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { listCourses } from "@/lib/courses/service";
import { card, PageTitle } from "@/app/ui/page-title";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const caller = await pageUser("/dashboard");
  const courses = await listCourses(caller.id);
  const teaches = hasRole(caller.role, "INSTRUCTOR");
  return (
    <div className="space-y-6">
      <PageTitle title={`Hello, ${caller.name}`} lead={teaches ? "You are signed in as an instructor." : "You are signed in as a student."} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Link href="/courses" className={`${card} hover:border-brand-500`}>
          <p className="text-3xl font-semibold tabular-nums" data-testid="course-count">
            {courses.length}
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">course{courses.length === 1 ? "" : "s"}</p>
        </Link>
        <Link href="/lessons" className={`${card} hover:border-brand-500`}>
          <p className="font-semibold">Lessons</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Read, then check yourself with a few graded questions.</p>
        </Link>
        {teaches ? (
          <Link href="/instructor/courses/new" className={`${card} hover:border-brand-500`}>
            <p className="font-semibold">Create a course</p>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Pick a Python version and share the join code.</p>
          </Link>
        ) : (
          <Link href="/courses" className={`${card} hover:border-brand-500`}>
            <p className="font-semibold">Join a course</p>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Use the 8-character code from your instructor.</p>
          </Link>
        )}
      </div>
    </div>
  );
}
