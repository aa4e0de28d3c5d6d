// One template: the editor on its current version, the version history with the diff of each
// version against the one before, and the assessments that use it (with their regrade pages:
// publishing a version regrades nothing by itself).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Inline } from "@/app/(app)/assessments/ui";
import { PageTitle, card } from "@/app/ui/page-title";
import { definitionToDraft } from "@/lib/authoring/draft";
import { getQuestion } from "@/lib/authoring/server";
import { definitionText, diffLines } from "@/lib/authoring/versions";
import { HttpError } from "@/lib/http/errors";
import { pageParams } from "@/lib/pages/params";
import { QuestionEditor } from "../editor";
import { CopyButton } from "../row-actions";
import { misconceptionChoices, pageQuestionsAccess, QuestionsNav, questionsPath } from "../shared";

export const metadata: Metadata = { title: "Question" };

export default async function QuestionPage({ params, searchParams }: { params: Promise<{ courseId: string; questionId: string }>; searchParams: Promise<{ created?: string }> }) {
  const { courseId, questionId } = await pageParams(params);
  const { created } = await searchParams;
  const access = await pageQuestionsAccess(courseId, `${questionsPath(courseId)}/${questionId}`);
  const q = await getQuestion(access.caller, courseId, questionId).catch((error: unknown) => {
    if (error instanceof HttpError && error.code === "not_found") notFound();
    throw error;
  });
  const texts = q.versions.map((v) => ({ ...v, text: definitionText(v.definition) }));
  return (
    <div>
      <PageTitle title={<Inline text={q.title} />} lead={<span className="font-mono text-sm">{q.slug} · version {q.currentVersion}{q.courseId === null ? " · shared bank (read-only: copy it into the course to change it)" : ""}{q.archived ? " · archived" : ""}</span>} />
      <QuestionsNav courseId={courseId} current="question" />
      {created ? (
        <p role="status" className="mb-4 text-sm text-emerald-700 dark:text-emerald-400">
          Created as version 1.
        </p>
      ) : null}
      {q.courseId === null && access.courseRole === "INSTRUCTOR" ? (
        <p className="mb-4 text-sm">
          <CopyButton courseId={courseId} questionId={q.id} />
        </p>
      ) : null}
      <QuestionEditor
        courseId={courseId}
        questionId={q.id}
        initialDraft={definitionToDraft(q.definition)}
        canEdit={q.editable}
        readOnlyNote={q.courseId === null ? "The shared bank is read-only: copy this question into the course to change it." : undefined}
        misconceptions={misconceptionChoices()}
      />

      <section className="mt-10" aria-labelledby="history-h">
        <h2 id="history-h" className="mb-2 text-lg font-semibold">
          Versions
        </h2>
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">Saving a changed definition adds a version; attempts keep the version they were graded with.</p>
        <div className="scroll-x">
          <table className={`${card} w-full p-0 text-left text-sm`} data-testid="version-history">
            <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="p-2 font-medium">Version</th>
                <th scope="col" className="p-2 font-medium">Saved</th>
                <th scope="col" className="p-2 font-medium">By</th>
                <th scope="col" className="p-2 font-medium">Changes</th>
              </tr>
            </thead>
            <tbody>
              {texts.map((v, i) => {
                const before = texts[i + 1];
                const diff = before ? diffLines(before.text, v.text).filter((l) => l.op !== " ") : [];
                return (
                  <tr key={v.version} className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800">
                    <td className="p-2 tabular-nums">
                      v{v.version}
                      {v.version === q.currentVersion ? " (current)" : ""}
                    </td>
                    <td className="p-2 whitespace-nowrap">{v.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                    <td className="p-2">{v.author ?? "—"}</td>
                    <td className="p-2">
                      {before ? (
                        <details>
                          <summary className="cursor-pointer">
                            {diff.filter((l) => l.op === "+").length} lines added, {diff.filter((l) => l.op === "-").length} removed (diff from v{before.version})
                          </summary>
                          <pre className="mt-2 overflow-x-auto rounded bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950" data-testid="version-diff">
                            {diffLines(before.text, v.text).map((l, k) => (
                              <span key={k} className={`block ${l.op === "+" ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" : l.op === "-" ? "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" : ""}`}>
                                {l.op} {l.text}
                              </span>
                            ))}
                          </pre>
                        </details>
                      ) : (
                        "first version"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="mt-8" aria-labelledby="used-h">
        <h2 id="used-h" className="mb-2 text-lg font-semibold">
          Used in
        </h2>
        {q.usedIn.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No assessment of this course uses this question.</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">A new version does not regrade anything by itself. To regrade past attempts under it, open the assessment&apos;s regrade page.</p>
            <ul className="list-disc space-y-1 pl-6 text-sm">
              {q.usedIn.map((a) => (
                <li key={a.id}>
                  {a.title} ({a.attempts} attempts):{" "}
                  <Link className="text-brand-700 underline dark:text-brand-300" href={`/instructor/courses/${courseId}/analytics/assessments/${a.id}/regrade`}>
                    regrade
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
