import type { Metadata } from "next";
import Link from "next/link";
import { listCourseAssessments } from "@/lib/assessments/builder";
import { canEdit, ROLES_FOR } from "@/lib/auth/course-roles";
import { pageCourseRole } from "@/lib/auth/page";
import { pageParams } from "@/lib/pages/params";
import { card } from "@/app/ui/page-title";
import { utcDateTime } from "./format";

export const metadata: Metadata = { title: "Assessments" };

export default async function CourseAssessmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId } = await pageParams(params);
  const deleted = (await searchParams).deleted === "1";
  const { course, courseRole } = await pageCourseRole(courseId, ROLES_FOR.view, `/instructor/courses/${courseId}/assessments`);
  const rows = await listCourseAssessments(course.id);
  const base = `/instructor/courses/${course.id}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Assessments</h2>
        {canEdit(courseRole) ? (
          <Link href={`${base}/assessments/new`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            New assessment
          </Link>
        ) : null}
      </div>
      {deleted ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          Draft deleted.
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">No assessments yet.</p>
      ) : (
        <div className="scroll-x">
          <table className={`${card} w-full p-0 text-left text-sm`} data-testid="assessments">
            <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="p-3 font-medium">Title</th>
                <th scope="col" className="p-3 font-medium">Kind</th>
                <th scope="col" className="p-3 font-medium">Open (UTC)</th>
                <th scope="col" className="p-3 font-medium">Status</th>
                <th scope="col" className="p-3 text-right font-medium">Questions</th>
                <th scope="col" className="p-3 text-right font-medium">Attempts</th>
                <th scope="col" className="p-3 font-medium"><span className="sr-only">Analytics</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                  <td className="p-3">
                    <Link href={`${base}/assessments/${a.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-300">
                      {a.title}
                    </Link>
                  </td>
                  <td className="p-3">{a.kind === "QUIZ" ? "Quiz" : "Homework"}</td>
                  <td className="p-3 whitespace-nowrap">
                    {utcDateTime.format(new Date(a.opensAt))} – {utcDateTime.format(new Date(a.closesAt))}
                  </td>
                  <td className="p-3">{a.publishedAt ? "Published" : "Draft"}</td>
                  <td className="p-3 text-right tabular-nums">{a.slotCount}</td>
                  <td className="p-3 text-right tabular-nums">{a.attemptCount}</td>
                  <td className="p-3">
                    <Link href={`${base}/analytics/assessments/${a.id}`} className="text-brand-600 hover:underline dark:text-brand-300" aria-label={`Analytics of ${a.title}`}>
                      Analytics
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
