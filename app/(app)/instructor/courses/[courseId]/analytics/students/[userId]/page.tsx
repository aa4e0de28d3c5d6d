// A student's drill-down: every attempt with the answer given, the key (as stored when graded),
// the misconception detected and the memory at the key moment; one chosen attempt (?attempt=) is
// traced step by step with the lessons' MemoryStepper. Staff only: this page shows keys.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { answerText, attemptProgram, studentDrillDown, type DrillDownAttempt } from "@/lib/analytics";
import { findMisconception } from "@/lib/grading/misconceptions";
import { forPage } from "@/lib/pages/answer";
import { pageParams } from "@/lib/pages/params";
import { MemoryStepper } from "@/app/lessons/_components/memory-stepper";
import { type Column, type Row, SortableTable } from "@/app/ui/charts/sortable-table";
import { num, pct, seconds } from "@/app/ui/charts/figure";
import { Inline } from "@/app/(app)/assessments/ui";
import { analyticsPath, courseReader } from "../../_components/guard";
import { AnalyticsHeader, Section } from "../../_components/header";
import { KeyMomentView } from "../../_components/key-moment";

export const metadata: Metadata = { title: "Student drill-down" };

const attemptParam = z.string().trim().min(1).max(64).optional().catch(undefined);

export default async function StudentDrillDownPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string; userId: string }>;
  searchParams: Promise<{ attempt?: string | string[] }>;
}) {
  const { courseId, userId } = await pageParams(params);
  const chosen = attemptParam.parse((await searchParams).attempt);
  const here = analyticsPath(courseId, `/students/${userId}`);
  const { caller, course } = await courseReader(courseId, here);
  const { student, attempts } = await forPage(here, () => studentDrillDown(caller, course.id, userId));
  const program = chosen ? await forPage(here, () => attemptProgram(caller, course.id, student.id, chosen)) : null;
  const correct = attempts.filter((a) => a.correct).length;

  const columns: Column[] = [
    { key: "when", label: "Submitted" },
    { key: "assessment", label: "Assessment" },
    { key: "question", label: "Question" },
    { key: "version", label: "Version", numeric: true },
    { key: "answer", label: "Answer" },
    { key: "key", label: "Key" },
    { key: "score", label: "Score", numeric: true },
    { key: "misconception", label: "Misconception" },
    { key: "time", label: "Time", numeric: true },
    { key: "trace", label: "Trace", sortable: false },
  ];
  const rows: Row[] = attempts.map((a) => attemptRow(a, `${here}?attempt=${a.attemptId}#trace`));

  return (
    <div>
      <AnalyticsHeader
        crumbs={[
          { href: analyticsPath(course.id), label: "Analytics" },
          { href: here, label: student.name },
        ]}
        title={student.name}
        lead={`${student.email} · ${attempts.length} ${attempts.length === 1 ? "attempt" : "attempts"}, ${correct} correct (${pct(attempts.length ? correct / attempts.length : null)})`}
      />
      <Section title="Attempts" id="attempts">
        {attempts.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No attempts yet.</p>
        ) : (
          <SortableTable caption={`Attempts of ${student.name}, oldest first`} captionHidden columns={columns} rows={rows} testId="drill-down" />
        )}
      </Section>
      {program ? (
        <Section title="Step through the chosen attempt's program" id="trace">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The program of attempt {program.attemptId}, as the student saw it, traced by the simulator (graded on Python {program.python}). Use the arrow keys to step.
          </p>
          <MemoryStepper code={program.code} python={program.python} mode={program.mode} />
        </Section>
      ) : null}
    </div>
  );
}

function attemptRow(a: DrillDownAttempt, traceHref: string): Row {
  const mis = a.misconception ? findMisconception(a.misconception) : undefined;
  return {
    key: a.attemptId,
    cells: {
      when: { sort: a.createdAt.toISOString(), node: <time dateTime={a.createdAt.toISOString()}>{a.createdAt.toISOString().slice(0, 16).replace("T", " ")}</time> },
      assessment: { sort: a.assessmentTitle },
      question: { sort: a.questionTitle, node: <Inline text={a.questionTitle} /> },
      version: { sort: a.version, node: `v${a.version}` },
      answer: { sort: answerText(a.answer), node: <code className="font-mono">{answerText(a.answer)}</code> },
      key: { sort: answerText(a.key), node: <code className="font-mono">{answerText(a.key)}</code> },
      score: {
        sort: a.score,
        node: (
          <span className={a.correct ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
            {a.correct ? "✓" : "✗"} {num(a.points, 1)} pts ({pct(a.score)})
          </span>
        ),
      },
      misconception: {
        sort: mis?.title ?? a.misconception,
        node: a.misconception ? (
          <span title={mis?.explanation}>
            <Inline text={mis?.title ?? a.misconception} />
          </span>
        ) : (
          "—"
        ),
      },
      time: { sort: a.timeTakenMs, node: seconds(a.timeTakenMs) },
      trace: {
        sort: null,
        node: (
          <div className="space-y-1">
            {a.trace ? (
              <details>
                <summary className="cursor-pointer text-brand-700 dark:text-brand-300">Key moment</summary>
                <KeyMomentView moment={a.trace} />
              </details>
            ) : null}
            <Link href={traceHref} className="text-brand-700 hover:underline dark:text-brand-300">
              Step through
            </Link>
          </div>
        ),
      },
    },
  };
}
