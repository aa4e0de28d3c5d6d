import type { Metadata } from "next";
import { PageTitle } from "@/app/ui/page-title";
import { EMPTY_DRAFT } from "@/lib/authoring/draft";
import { pageParams } from "@/lib/pages/params";
import { QuestionEditor } from "../editor";
import { misconceptionChoices, pageQuestionsAccess, QuestionsNav, questionsPath } from "../shared";

export const metadata: Metadata = { title: "New question" };

export default async function NewQuestionPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await pageParams(params);
  const access = await pageQuestionsAccess(courseId, `${questionsPath(courseId)}/new`);
  return (
    <div>
      <PageTitle title="New question" lead="Write the template; the preview simulates it as you type." />
      <QuestionsNav courseId={courseId} current="new" />
      <QuestionEditor courseId={courseId} questionId="" initialDraft={EMPTY_DRAFT} canEdit={access.courseRole === "INSTRUCTOR"} misconceptions={misconceptionChoices()} />
    </div>
  );
}
