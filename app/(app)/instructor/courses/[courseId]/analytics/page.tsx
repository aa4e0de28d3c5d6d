// The course dashboard: each assessment's score distribution, the mechanism × student mastery
// heatmap, and progress by week. Server work: courseDashboard (the "course" page of
// npm run bench:analytics).
import type { Metadata } from "next";
import Link from "next/link";
import { courseDashboard } from "@/lib/analytics";
import { weakestStudents } from "@/lib/analytics/weakest";
import { forPage } from "@/lib/pages/answer";
import { pageParams } from "@/lib/pages/params";
import { BarChart } from "@/app/ui/charts/bar-chart";
import { ChartFigure, DataTable, num, pct, TENTHS } from "@/app/ui/charts/figure";
import { LineChart } from "@/app/ui/charts/line-chart";
import { type Column, type Row, SortableTable } from "@/app/ui/charts/sortable-table";
import { card } from "@/app/ui/page-title";
import { analyticsPath, courseReader } from "./_components/guard";
import { AnalyticsHeader, ButtonLink, Section } from "./_components/header";
import { MasteryCellView } from "./_components/mastery-cell";

export const metadata: Metadata = { title: "Course analytics" };

/** Above this many students the heatmap shows the weakest first and offers the rest on request. */
const HEATMAP_ROWS = 200;

export default async function CourseAnalyticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<{ students?: string | string[] }>;
}) {
  const { courseId } = await pageParams(params);
  const showAll = (await searchParams).students === "all";
  const here = analyticsPath(courseId);
  const { caller, course } = await courseReader(courseId, here);
  const { assessments, mastery: cells, progress: weeks, students } = await forPage(here, () => courseDashboard(caller, course.id));

  const mechanisms = [...new Set(cells.map((c) => c.mechanism))].sort();
  const cellOf = new Map(cells.map((c) => [`${c.userId}\u0000${c.mechanism}`, c]));
  const heatColumns: Column[] = [{ key: "student", label: "Student" }, ...mechanisms.map((m) => ({ key: m, label: m, numeric: true }))];
  // A large class's full grid is megabytes of HTML: by default the students with the lowest overall
  // share (those who need attention), the whole class one click away.
  const truncated = !showAll && students.length > HEATMAP_ROWS;
  const shown = truncated ? weakestStudents(students, cells, HEATMAP_ROWS) : students;
  const heatRows: Row[] = shown.map((s) => ({
    key: s.id,
    cells: {
      student: {
        sort: s.name,
        node: (
          <Link href={analyticsPath(course.id, `/students/${s.id}`)} className="text-brand-700 hover:underline dark:text-brand-300">
            {s.name}
          </Link>
        ),
      },
      ...Object.fromEntries(
        mechanisms.map((m) => {
          const c = cellOf.get(`${s.id}\u0000${m}`);
          return [m, { sort: c ? c.share : null, node: <MasteryCellView share={c?.share ?? null} earned={c?.earned} possible={c?.possible} /> }];
        }),
      ),
    },
  }));
  const classShare = mechanisms.map((m) => {
    const xs = cells.filter((c) => c.mechanism === m);
    const earned = xs.reduce((a, c) => a + c.earned, 0);
    const possible = xs.reduce((a, c) => a + c.possible, 0);
    return { mechanism: m, share: possible > 0 ? earned / possible : null };
  });
  const weakest = classShare.filter((c) => c.share !== null).sort((a, b) => (a.share ?? 0) - (b.share ?? 0))[0];

  const weekRows = weeks.map((w) => ({
    week: w.weekStart.toISOString().slice(0, 10),
    attempts: w.attempts,
    students: w.students,
    correct: Math.round(1000 * w.facility) / 10,
  }));

  return (
    <div>
      <AnalyticsHeader
        crumbs={[
          { href: here, label: "Analytics" },
        ]}
        title="Course analytics"
        lead={`${students.length} students enrolled · ${assessments.length} assessments`}
        actions={<ButtonLink href={`/api/courses/${course.id}/exports/grades.csv`} download>Download grades (CSV)</ButtonLink>}
      />

      <Section title="Score distribution of each assessment" id="assessments">
        {assessments.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">This course has no assessments yet.</p>
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            {assessments.map((a) => (
              <div key={a.id} className={card} data-testid="assessment-summary">
                <h4 className="mb-1 font-semibold">
                  <Link href={analyticsPath(course.id, `/assessments/${a.id}`)} className="text-brand-700 hover:underline dark:text-brand-300">
                    {a.title}
                  </Link>
                </h4>
                <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
                  {a.students} {a.students === 1 ? "student" : "students"} attempted · mean {num(a.mean, 1)} and median {num(a.median, 1)} of {num(a.possible, 0)} points
                </p>
                {a.students > 0 ? (
                  <ChartFigure
                    title={`Students by share of the ${num(a.possible, 0)} points`}
                    chart={<BarChart data={a.bins.map((n, i) => ({ label: TENTHS[i], value: n }))} valueLabel="students" height={160} />}
                    summary={`The most common band is ${TENTHS[a.bins.indexOf(Math.max(...a.bins))]} % of the points (${Math.max(...a.bins)} of ${a.students}).`}
                    table={<DataTable caption={`Score distribution of ${a.title}`} head={["Share of points (%)", "Students"]} rows={a.bins.map((n, i) => [TENTHS[i], n])} />}
                  />
                ) : (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">No attempts yet.</p>
                )}
              </div>
            ))}
          </div>
        )}
      </Section>

      <Section title="Mastery by mechanism" id="mastery">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Each cell is the share of the points a student earned on the questions of that mechanism they attempted (counted attempts, each assessment&apos;s
          score policy). An empty cell: nothing of that mechanism attempted.
          {weakest ? ` Across the class, the weakest mechanism is ${weakest.mechanism} (${pct(weakest.share)}).` : ""}
        </p>
        {students.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No students enrolled yet.</p>
        ) : (
          <>
            {truncated ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="heatmap-truncated">
                Showing the {HEATMAP_ROWS} students with the lowest overall share of {students.length}.{" "}
                <Link href={`${here}?students=all#mastery-title`} className="text-brand-700 hover:underline dark:text-brand-300">
                  Show all {students.length} students
                </Link>
              </p>
            ) : null}
            <SortableTable caption="Mastery heatmap: students by mechanism, share of points earned" columns={heatColumns} rows={heatRows} testId="mastery-heatmap" />
          </>
        )}
      </Section>

      <Section title="Progress over time" id="progress">
        {weekRows.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No attempts yet.</p>
        ) : (
          <ChartFigure
            testId="progress-chart"
            title="Attempts and share correct, by week"
            chart={<LineChart data={weekRows} x="week" left={{ key: "attempts", label: "Attempts" }} right={{ key: "correct", label: "Correct (%)", percent: true }} />}
            summary={`${weekRows.reduce((a, w) => a + w.attempts, 0)} attempts over ${weekRows.length} ${weekRows.length === 1 ? "week" : "weeks"}; the latest week had ${weekRows[weekRows.length - 1].attempts} attempts by ${weekRows[weekRows.length - 1].students} students, ${weekRows[weekRows.length - 1].correct} % correct.`}
            table={
              <DataTable
                caption="Progress by week"
                head={["Week of", "Attempts", "Active students", "Correct (%)"]}
                rows={weekRows.map((w) => [w.week, w.attempts, w.students, w.correct])}
              />
            }
          />
        )}
      </Section>
    </div>
  );
}
