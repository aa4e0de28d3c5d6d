import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { assessmentDetail } from "@/lib/assessments/queries";
import { lastAttempt } from "@/lib/attempts/list";
import { getVariant } from "@/lib/attempts/variants";
import { pageUser } from "@/lib/auth/page";
import { HttpError } from "@/lib/http/errors";
import { forPage } from "@/lib/pages/answer";
import { pageParams } from "@/lib/pages/params";
import { PageTitle } from "@/app/ui/page-title";
import { AnswerForm } from "../../../answer-form";
import { Countdown } from "../../../quiz-controls";
import { BackToAssessment, CodeView, FeedbackPanel, Inline, Prose } from "../../../ui";

export const metadata: Metadata = { title: "Question" };

export default async function QuestionPage({ params }: { params: Promise<{ id: string; questionId: string }> }) {
  const { id, questionId } = await pageParams(params);
  const path = `/assessments/${id}/questions/${questionId}`;
  const caller = await pageUser(path);
  const a = await forPage(path, () => assessmentDetail(caller, id));
  // Not one of this student's questions: for the page, nothing lives here (the attempt API keeps
  // its 403, "not part of your assessment", for a program that sent the id).
  if (!a.slots.some((s) => s.questionId === questionId)) notFound();
  const dto = await forPage(path, () =>
    getVariant(caller, id, questionId).catch((error: unknown) => {
      // A quiz not started yet: its page has the Start button.
      if (error instanceof HttpError && error.code === "conflict") redirect(`/assessments/${id}`);
      throw error;
    }),
  );
  const last = await lastAttempt(caller, id, questionId);
  const q = dto.question;
  const now = new Date(a.serverNow);
  const sittingOpen = a.kind !== "QUIZ" || (!!a.sitting && !a.sitting.finishedAt && !!a.sitting.deadlineAt && new Date(a.sitting.deadlineAt) > now);
  const answerable = a.state === "open" && sittingOpen && (dto.attemptsLeft === null || dto.attemptsLeft > 0);
  const index = a.slots.findIndex((s) => s.questionId === questionId);
  const next = a.slots[index + 1];
  return (
    <div className="space-y-6">
      <BackToAssessment id={id} title={a.title} />
      <PageTitle
        title={<>{index + 1}. <Inline text={q.title} /></>}
        lead={`${q.mechanism} · ${dto.points} point${dto.points === 1 ? "" : "s"} · Python ${dto.pythonVersion}${q.mode === "repl" ? " · typed at the interactive prompt" : ""}`}
      />
      {a.kind === "QUIZ" && sittingOpen && a.sitting?.deadlineAt ? <Countdown deadlineAt={a.sitting.deadlineAt} serverNow={a.serverNow} /> : null}

      {last ? (
        <div className="space-y-3">
          <FeedbackPanel result={last.result} attemptNumber={last.attemptNumber} />
          {last.result.released && last.attemptNumber !== dto.attemptNumber ? (
            <details className="text-sm">
              <summary className="cursor-pointer">The code of attempt {last.attemptNumber}</summary>
              <CodeView code={last.code} highlight={last.result.feedback?.keyMoment?.line} label={`Code of attempt ${last.attemptNumber}`} />
            </details>
          ) : null}
        </div>
      ) : null}

      <section className="space-y-4" aria-label="Question" data-testid="question">
        <h2 className="text-lg font-semibold">
          Attempt {dto.attemptNumber}
          {dto.attemptsLeft !== null ? ` · ${dto.attemptsLeft} left` : ""}
        </h2>
        <Prose text={q.prompt} />
        {q.code ? <CodeView code={q.code} /> : null}
        {answerable ? (
          <AnswerForm key={`${questionId}-${dto.attemptNumber}-${dto.attemptsUsed}`} assessmentId={id} questionId={questionId} view={q} />
        ) : (
          <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800" data-testid="not-answerable">
            {a.state !== "open"
              ? a.state === "upcoming"
                ? "This assessment has not opened yet."
                : "This assessment is closed."
              : !sittingOpen
                ? "This quiz is over for you."
                : "You have used all your attempts at this question."}
          </p>
        )}
      </section>
      {next ? (
        <p>
          <Link href={`/assessments/${id}/questions/${next.questionId}`} className="text-sm underline">
            Next question: <Inline text={next.title} /> →
          </Link>
        </p>
      ) : null}
    </div>
  );
}
