// Regrade an assessment's attempts at one question under a newer version of its template:
// choose the question and the version (latest by default), preview whose counted score changes
// and by how much, then apply with a confirmation. The record of past regrades is below. A TA
// sees the record only: preview and apply are the INSTRUCTOR's (lib/regrade checks it again).
import type { Metadata } from "next";
import { z } from "zod";
import { assessmentOfCourse } from "@/lib/analytics/access";
import { courseStudents } from "@/lib/analytics";
import { canEdit } from "@/lib/auth/course-roles";
import { previewRegrade, regradeHistory, regradeQuestions, type RegradePreview } from "@/lib/regrade";
import { forPage } from "@/lib/pages/answer";
import { pageParams } from "@/lib/pages/params";
import { num } from "@/app/ui/charts/figure";
import { type Row, SortableTable } from "@/app/ui/charts/sortable-table";
import { card } from "@/app/ui/page-title";
import { Inline } from "@/app/(app)/assessments/ui";
import { analyticsPath, courseReader } from "../../../_components/guard";
import { AnalyticsHeader, Section } from "../../../_components/header";
import { ApplyRegradeForm } from "./apply-form";

export const metadata: Metadata = { title: "Regrade" };

const querySchema = z.object({
  question: z.string().trim().min(1).max(64).optional().catch(undefined),
  version: z.coerce.number().int().min(1).optional().catch(undefined),
  preview: z.literal("1").optional().catch(undefined),
  applied: z.string().trim().min(1).max(64).optional().catch(undefined),
});

const selectClass = "mt-1 block rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export default async function RegradePage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string; assessmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId, assessmentId } = await pageParams(params);
  const query = querySchema.parse(await searchParams);
  const base = analyticsPath(courseId, `/assessments/${assessmentId}`);
  const here = `${base}/regrade`;
  const { caller, course, courseRole } = await courseReader(courseId, here);
  const { assessment } = await forPage(here, () => assessmentOfCourse(caller, course.id, assessmentId));
  const [questions, history, students] = await forPage(here, () =>
    Promise.all([regradeQuestions(caller, assessment.id), regradeHistory(caller, assessment.id), courseStudents(caller, course.id)]),
  );
  const mayRegrade = canEdit(courseRole);
  const question = questions.find((q) => q.questionId === query.question) ?? questions[0];
  const latest = question ? Math.max(...question.versions.map((v) => v.version)) : null;
  const toVersion = question && query.version && question.versions.some((v) => v.version === query.version) ? query.version : latest;
  const preview: RegradePreview | null =
    mayRegrade && query.preview && question && toVersion ? await forPage(here, () => previewRegrade(caller, assessment.id, question.questionId, toVersion)) : null;
  const nameOf = new Map(students.map((s) => [s.id, s.name]));
  const applied = query.applied ? history.find((r) => r.id === query.applied) : undefined;

  return (
    <div>
      <AnalyticsHeader
        crumbs={[
          { href: analyticsPath(course.id), label: "Analytics" },
          { href: base, label: assessment.title },
          { href: here, label: "Regrade" },
        ]}
        title={`Regrade: ${assessment.title}`}
        lead="After fixing a question's template, grade the attempts made under an older version again under the new one. Each attempt keeps its own variant (seed) and Python version."
      />

      {query.applied ? (
        <p role="status" data-testid="regrade-applied" className="mb-6 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          {applied
            ? `Regrade applied: ${applied.question.title.replace(/`/g, "")} from version ${applied.fromVersion} to ${applied.toVersion}; ${applied.changes.length} ${applied.changes.length === 1 ? "score" : "scores"} changed. It is recorded below.`
            : "Nothing was regraded: no attempt was graded with an older version."}
        </p>
      ) : null}
      {!mayRegrade ? (
        <p className={`${card} mb-8 text-sm`} data-testid="regrade-read-only">
          Only the course&apos;s instructors can preview and apply a regrade. As a teaching assistant you can read the record below.
        </p>
      ) : questions.length === 0 ? (
        <p className="mb-8 text-sm text-zinc-600 dark:text-zinc-400">This assessment has no questions.</p>
      ) : (
        <Section title="Choose" id="choose">
          <form method="get" className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="question" className="block text-sm font-medium">
                Question
              </label>
              <select id="question" name="question" defaultValue={question?.questionId} className={selectClass}>
                {questions.map((q) => (
                  <option key={q.questionId} value={q.questionId}>
                    {q.position}. {q.title.replace(/`/g, "")}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="version" className="block text-sm font-medium">
                New version
              </label>
              <select id="version" name="version" defaultValue={query.version && query.version === toVersion ? String(toVersion) : ""} className={selectClass}>
                <option value="">Latest{latest ? ` (version ${latest})` : ""}</option>
                {question?.versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    Version {v.version} ({v.attempts} {v.attempts === 1 ? "attempt" : "attempts"} graded with it)
                  </option>
                ))}
              </select>
            </div>
            <input type="hidden" name="preview" value="1" />
            <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
              Preview
            </button>
          </form>
          {preview && question ? (
            <PreviewView preview={preview} nameOf={nameOf} courseId={course.id} questionTitle={question.title} />
          ) : null}
        </Section>
      )}

      <Section title="Record of regrades" id="history">
        {history.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No regrades yet.</p>
        ) : (
          <ol className="space-y-4" data-testid="regrade-history">
            {history.map((r) => (
              <li key={r.id} className={card}>
                <p className="text-sm">
                  <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</time>: {r.by.name} regraded{" "}
                  <Inline text={r.question.title} /> from version {r.fromVersion} to {r.toVersion}; {r.changes.length}{" "}
                  {r.changes.length === 1 ? "score" : "scores"} changed.
                </p>
                {r.changes.length > 0 ? (
                  <ul className="mt-2 space-y-0.5 text-sm">
                    {r.changes.map((c) => (
                      <li key={c.attemptId}>
                        {c.student.name}: {num(c.oldScore, 2)} → {num(c.newScore, 2)} ({c.newCorrect ? "now correct" : c.oldCorrect ? "no longer correct" : "still not correct"})
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}

function PreviewView({ preview, nameOf, courseId, questionTitle }: { preview: RegradePreview; nameOf: Map<string, string>; courseId: string; questionTitle: string }) {
  const rows: Row[] = preview.students.map((s) => {
    const delta = (s.newScore ?? 0) - (s.oldScore ?? 0);
    return {
      key: `${s.userId}:${s.slotId}`,
      cells: {
        student: { sort: nameOf.get(s.userId) ?? s.userId },
        old: { sort: s.oldScore, node: num(s.oldScore, 2) },
        new: { sort: s.newScore, node: num(s.newScore, 2) },
        delta: {
          sort: delta,
          node: <span className={delta > 0 ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>{`${delta > 0 ? "+" : ""}${delta.toFixed(2)}`}</span>,
        },
      },
    };
  });
  return (
    <div className={`${card} space-y-4`} data-testid="regrade-preview">
      <h4 className="font-semibold">
        Preview: <Inline text={questionTitle} /> under version {preview.toVersion}
      </h4>
      <p className="text-sm">
        {preview.considered} {preview.considered === 1 ? "attempt was" : "attempts were"} graded with an older version; {preview.changes.length} of them would change
        score, and {preview.students.length} {preview.students.length === 1 ? "student's" : "students'"} counted score for the question would change.
      </p>
      {rows.length > 0 ? (
        <SortableTable
          caption="Students whose counted score changes (score as a share of the question's points)"
          columns={[
            { key: "student", label: "Student" },
            { key: "old", label: "Score now", numeric: true },
            { key: "new", label: "After regrade", numeric: true },
            { key: "delta", label: "Change", numeric: true },
          ]}
          rows={rows}
          initialSort={{ key: "student", direction: "ascending" }}
          testId="regrade-changes"
        />
      ) : null}
      {preview.notRegradable.length > 0 ? (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          <p>{preview.notRegradable.length} attempt(s) cannot be graded under this version, so it cannot be applied. Fix the template first:</p>
          <ul className="mt-1 list-disc pl-5">
            {preview.notRegradable.slice(0, 10).map((n) => (
              <li key={n.attemptId}>{n.reason}</li>
            ))}
          </ul>
        </div>
      ) : preview.considered === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing to apply: every attempt is already graded with version {preview.toVersion} or newer.</p>
      ) : (
        <ApplyRegradeForm
          courseId={courseId}
          assessmentId={preview.assessmentId}
          questionId={preview.questionId}
          toVersion={preview.toVersion}
          students={preview.students.length}
          attempts={preview.considered}
        />
      )}
    </div>
  );
}
