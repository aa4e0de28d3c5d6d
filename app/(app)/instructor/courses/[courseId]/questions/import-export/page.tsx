// Export the course's questions as content/questions files (a zip, or one file each), and import
// such files back: validated first, new versions only where a definition changed.
import type { Metadata } from "next";
import { PageTitle, card } from "@/app/ui/page-title";
import { exportCourse } from "@/lib/authoring/server";
import { pageParams } from "@/lib/pages/params";
import { pageQuestionsAccess, QuestionsNav, questionsPath } from "../shared";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import and export questions" };

export default async function ImportExportPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await pageParams(params);
  const access = await pageQuestionsAccess(courseId, `${questionsPath(courseId)}/import-export`);
  const files = await exportCourse(access.caller, courseId);
  const api = `/api/courses/${courseId}/questions`;
  return (
    <div>
      <PageTitle title="Import and export" lead="Keep the course's questions in git, in the same format as content/questions." />
      <QuestionsNav courseId={courseId} current="import-export" />
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={card} aria-labelledby="export-h">
          <h2 id="export-h" className="mb-2 text-lg font-semibold">
            Export
          </h2>
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
            Each question at its current version as <code className="font-mono">mechanism/slug.json</code>, keys sorted, so a re-export of unchanged questions is byte-identical.
          </p>
          <a href={`${api}/export`} download className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            Download all ({files.length}) as a zip
          </a>
          <ul className="mt-3 space-y-1 text-sm" data-testid="export-files">
            {files.map((f) => (
              <li key={f.path} className="font-mono break-all">
                {f.path}
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
            One file: the download link on each question&apos;s API, <code className="font-mono break-all">{api}/QUESTION_ID/export</code>. From a shell: <code className="font-mono break-all">npm run bank:export -- --course {courseId} --out DIR</code>.
          </p>
        </section>
        <section className={card} aria-labelledby="import-h">
          <h2 id="import-h" className="mb-2 text-lg font-semibold">
            Import
          </h2>
          {access.courseRole === "INSTRUCTOR" ? <ImportForm courseId={courseId} /> : <p className="text-sm text-zinc-600 dark:text-zinc-400">Only the course&apos;s instructors can import.</p>}
        </section>
      </div>
    </div>
  );
}
