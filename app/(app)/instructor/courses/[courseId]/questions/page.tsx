// The course's question templates and the shared bank: mechanism, current version, last edited.
import type { Metadata } from "next";
import Link from "next/link";
import { Inline } from "@/app/(app)/assessments/ui";
import { PageTitle, card } from "@/app/ui/page-title";
import { listQuestions, type QuestionRow } from "@/lib/authoring/server";
import { pageParams } from "@/lib/pages/params";
import { ArchiveButton, CopyButton } from "./row-actions";
import { pageQuestionsAccess, QuestionsNav, questionsPath } from "./shared";

export const metadata: Metadata = { title: "Questions" };

export default async function QuestionsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await pageParams(params);
  const access = await pageQuestionsAccess(courseId, questionsPath(courseId));
  const { course, bank } = await listQuestions(access.caller, courseId);
  const canEdit = access.courseRole === "INSTRUCTOR";
  return (
    <div>
      <PageTitle title="Questions" lead={`Templates of ${access.course.title}, and the shared bank to copy from.`} />
      <QuestionsNav courseId={courseId} current="list" />
      <h2 className="mb-2 text-lg font-semibold">This course</h2>
      {course.length === 0 ? <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">No templates yet: write one, import files, or copy one from the bank below.</p> : <Table rows={course} courseId={courseId} canEdit={canEdit} own />}
      <h2 className="mt-8 mb-2 text-lg font-semibold">Shared bank</h2>
      <Table rows={bank} courseId={courseId} canEdit={canEdit} own={false} />
    </div>
  );
}

function Table({ rows, courseId, canEdit, own }: { rows: QuestionRow[]; courseId: string; canEdit: boolean; own: boolean }) {
  return (
    <div className="scroll-x">
      <table className={`${card} w-full p-0 text-left text-sm`} data-testid={own ? "course-questions" : "bank-questions"}>
        <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className="p-2 font-medium">Title</th>
            <th scope="col" className="p-2 font-medium">Mechanism</th>
            <th scope="col" className="p-2 text-right font-medium">Version</th>
            <th scope="col" className="p-2 font-medium">Last edited</th>
            <th scope="col" className="p-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((q) => (
            <tr key={q.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <td className="p-2">
                <Link href={`${questionsPath(courseId)}/${q.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                  <Inline text={q.title} />
                </Link>
                {q.archived ? <span className="ml-2 rounded bg-zinc-200 px-1.5 py-0.5 text-xs dark:bg-zinc-700">archived</span> : null}
                <div className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{q.slug}</div>
              </td>
              <td className="p-2">{q.mechanism}</td>
              <td className="p-2 text-right tabular-nums">v{q.currentVersion}</td>
              <td className="p-2 whitespace-nowrap">
                <time dateTime={q.lastEdited.toISOString()}>{q.lastEdited.toISOString().slice(0, 16).replace("T", " ")}</time>
              </td>
              <td className="p-2 text-right">{canEdit ? own ? <ArchiveButton courseId={courseId} questionId={q.id} archived={q.archived} /> : <CopyButton courseId={courseId} questionId={q.id} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
