// The assessment dashboard: score distribution, Cronbach's alpha, and the item table (facility,
// discrimination, quintile curve, attempts to first correct, time on task, common wrong answers
// with their misconception), for the question as a whole or per template version (the selector).
// Server work: scoreDistribution + itemStats + cronbachAlpha (the "assessment" page of the bench).
import type { Metadata } from "next";
import { z } from "zod";
import { answerText, cronbachAlpha, itemStats, scoreDistribution, type ItemStats } from "@/lib/analytics";
import { assessmentOfCourse } from "@/lib/analytics/access";
import { findMisconception } from "@/lib/grading/misconceptions";
import { forPage } from "@/lib/pages/answer";
import { pageParams } from "@/lib/pages/params";
import { BarChart } from "@/app/ui/charts/bar-chart";
import { ChartFigure, DataTable, num, pct, seconds, TENTHS } from "@/app/ui/charts/figure";
import { type Column, type Row, SortableTable } from "@/app/ui/charts/sortable-table";
import { Sparkline } from "@/app/ui/charts/sparkline";
import { card } from "@/app/ui/page-title";
import { Inline } from "@/app/(app)/assessments/ui";
import { analyticsPath, courseReader } from "../../_components/guard";
import { AnalyticsHeader, ButtonLink, Section } from "../../_components/header";

export const metadata: Metadata = { title: "Assessment analytics" };

/** "all": each question as a whole; "each": every version's row; a number: that version only. */
const viewSchema = z.union([z.enum(["all", "each"]), z.coerce.number().int().min(1)]).catch("all");

function alphaWords(alpha: number | null): string {
  if (alpha === null) return "not defined (it needs at least two items and some spread in totals)";
  if (alpha >= 0.8) return "good internal consistency";
  if (alpha >= 0.7) return "acceptable internal consistency";
  if (alpha >= 0.5) return "weak internal consistency: some items may measure something else";
  return "poor internal consistency: look at the items with low or negative discrimination";
}

export default async function AssessmentAnalyticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string; assessmentId: string }>;
  searchParams: Promise<{ version?: string | string[] }>;
}) {
  const { courseId, assessmentId } = await pageParams(params);
  const view = viewSchema.parse((await searchParams).version ?? "all");
  const here = analyticsPath(courseId, `/assessments/${assessmentId}`);
  const { caller, course } = await courseReader(courseId, here);
  const { assessment } = await forPage(here, () => assessmentOfCourse(caller, course.id, assessmentId));
  const [dist, items, alpha] = await forPage(here, () =>
    Promise.all([scoreDistribution(caller, assessment.id), itemStats(caller, assessment.id), cronbachAlpha(caller, assessment.id)]),
  );

  const versions = [...new Set(items.flatMap((i) => (i.version === null ? [] : [i.version])))].sort((a, b) => a - b);
  const shown = items.filter((i) => (view === "all" ? i.version === null : view === "each" ? i.version !== null : i.version === view));
  const peak = Math.max(...dist.bins);

  return (
    <div>
      <AnalyticsHeader
        crumbs={[
          { href: analyticsPath(course.id), label: "Analytics" },
          { href: here, label: assessment.title },
        ]}
        title={assessment.title}
        lead={`Score policy: ${assessment.scorePolicy === "BEST" ? "best attempt counts" : "last attempt counts"} · ${dist.students} ${dist.students === 1 ? "student" : "students"} attempted`}
        actions={
          <>
            <ButtonLink href={`/api/assessments/${assessment.id}/exports/attempts.csv`} download>
              Download attempts (CSV)
            </ButtonLink>
            <ButtonLink href={`${here}/regrade`}>Regrade…</ButtonLink>
          </>
        }
      />

      <Section title="Scores" id="scores">
        <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
          <div className={card}>
            {dist.students === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">No attempts yet.</p>
            ) : (
              <ChartFigure
                testId="score-distribution"
                title={`Students by share of the ${num(dist.possible, 0)} points`}
                chart={<BarChart data={dist.bins.map((n, i) => ({ label: TENTHS[i], value: n }))} valueLabel="students" />}
                summary={`${dist.students} students; mean ${num(dist.mean, 2)}, median ${num(dist.median, 2)}, SD ${num(dist.sd, 2)}, from ${num(dist.min, 1)} to ${num(dist.max, 1)} of ${num(dist.possible, 0)} points. The most common band is ${TENTHS[dist.bins.indexOf(peak)]} % (${peak} ${peak === 1 ? "student" : "students"}).`}
                table={<DataTable caption="Score distribution" head={["Share of points (%)", "Students"]} rows={dist.bins.map((n, i) => [TENTHS[i], n])} />}
              />
            )}
          </div>
          <div className={card} data-testid="cronbach-alpha">
            <h4 className="text-sm font-medium">Cronbach&apos;s alpha</h4>
            <p className="mt-2 text-3xl font-semibold tabular-nums">{num(alpha.alpha, 2)}</p>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              {alphaWords(alpha.alpha)}. Over {alpha.students} students and {alpha.items} items (a pool counts as one item; an unanswered item scores 0).
            </p>
          </div>
        </div>
      </Section>

      <Section title="Items" id="items">
        <form method="get" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="version" className="block text-sm font-medium">
              Template version
            </label>
            <select
              id="version"
              name="version"
              defaultValue={String(view)}
              className="mt-1 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            >
              <option value="all">All versions together</option>
              <option value="each">Each version separately</option>
              {versions.map((v) => (
                <option key={v} value={v}>
                  Version {v} only
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
            Show
          </button>
        </form>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Facility: share of students whose counted attempt is correct. Discrimination: correlation of the item&apos;s points with the rest of the
          student&apos;s total (corrected item-rest; below 0.2 is weak). The curve: share correct in each fifth of the class, lowest fifth first. A version
          row counts the students whose counted attempt was graded with that version. Median time: each student&apos;s time on the question, summed
          over their attempts, from the question being shown to the answer; an answer sent through the API without its question being fetched first
          has no time and is left out (— when no attempt has one).
        </p>
        {shown.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No attempts {view === "all" || view === "each" ? "yet" : `graded with version ${view}`}.</p>
        ) : (
          <SortableTable caption="Item statistics" columns={COLUMNS} rows={shown.map(itemRow)} initialSort={{ key: "position", direction: "ascending" }} testId="item-table" />
        )}
      </Section>
    </div>
  );
}

const COLUMNS: Column[] = [
  { key: "position", label: "#", numeric: true },
  { key: "question", label: "Question" },
  { key: "version", label: "Version", numeric: true },
  { key: "n", label: "Students", numeric: true },
  { key: "facility", label: "Facility", numeric: true },
  { key: "discrimination", label: "Discrimination", numeric: true },
  { key: "curve", label: "By fifth of class", sortable: false },
  { key: "tries", label: "Attempts to first correct", numeric: true },
  { key: "time", label: "Median time", numeric: true },
  { key: "wrong", label: "Common wrong answers", sortable: false },
];

function itemRow(i: ItemStats): Row {
  return {
    key: `${i.slotId}:${i.versionId ?? "all"}`,
    cells: {
      position: { sort: i.position },
      question: { sort: i.title, node: <Inline text={i.title} /> },
      version: { sort: i.version, node: i.version === null ? "all" : `v${i.version}` },
      n: { sort: i.n },
      facility: { sort: i.facility, node: pct(i.facility) },
      discrimination: {
        sort: i.discrimination,
        node: <span className={i.discrimination !== null && i.discrimination < 0.2 ? "font-semibold text-red-700 dark:text-red-400" : undefined}>{num(i.discrimination)}</span>,
      },
      curve: {
        sort: null,
        node: <Sparkline values={i.quintiles} label={`Share correct by fifth, lowest first: ${i.quintiles.map((q) => pct(q)).join(", ")}`} />,
      },
      tries: {
        sort: i.attemptsToFirstCorrect.mean,
        node: i.attemptsToFirstCorrect.mean === null ? "—" : `${num(i.attemptsToFirstCorrect.mean, 1)} (median ${num(i.attemptsToFirstCorrect.median, 0)})`,
      },
      time: { sort: i.timeOnTaskMedianMs, node: seconds(i.timeOnTaskMedianMs) },
      wrong: {
        sort: null,
        node:
          i.wrongAnswers.length === 0 ? (
            "—"
          ) : (
            <ul className="space-y-1">
              {i.wrongAnswers.map((w, k) => (
                <li key={k}>
                  <code className="rounded bg-zinc-100 px-1 font-mono dark:bg-zinc-800">{answerText(w.answer)}</code> ×{w.count}
                  {w.misconception ? (
                    <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                      <Inline text={findMisconception(w.misconception)?.title ?? w.misconception} />
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ),
      },
    },
  };
}
