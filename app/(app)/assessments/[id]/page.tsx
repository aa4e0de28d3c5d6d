import type { Metadata } from "next";
import Link from "next/link";
import { assessmentDetail } from "@/lib/assessments/queries";
import { pageUser } from "@/lib/auth/page";
import { forPage } from "@/lib/pages/answer";
import { pageParams } from "@/lib/pages/params";
import { card, PageTitle } from "@/app/ui/page-title";
import { Countdown, FinishQuizForm, StartQuizForm } from "../quiz-controls";
import { dateTime, Inline } from "../ui";

export const metadata: Metadata = { title: "Assessment" };

export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const path = `/assessments/${id}`;
  const caller = await pageUser(path);
  const a = await forPage(path, () => assessmentDetail(caller, id));
  const quiz = a.kind === "QUIZ";
  const running = quiz && a.sitting && !a.sitting.finishedAt && a.sitting.deadlineAt && new Date(a.sitting.deadlineAt) > new Date(a.serverNow);
  const canOpenQuestions = !quiz || !!a.sitting || a.state === "closed";
  return (
    <div className="space-y-6">
      <PageTitle
        title={a.title}
        lead={`${a.courseTitle} · ${quiz ? "Quiz" : "Homework"} · open ${dateTime.format(new Date(a.opensAt))} to ${dateTime.format(new Date(a.closesAt))} UTC · Python ${a.pythonVersion}`}
      />
      <section className={`${card} flex flex-wrap items-center justify-between gap-4`} aria-label="Status">
        <div className="space-y-1 text-sm">
          <p>
            {a.maxAttempts === null ? "Unlimited attempts per question" : `${a.maxAttempts} attempt${a.maxAttempts === 1 ? "" : "s"} per question`} ·{" "}
            {a.scorePolicy === "BEST" ? "your best attempt counts" : "your last attempt counts"}
          </p>
          <p data-testid="total">
            {a.earned !== null ? (
              <>
                Score: <strong className="tabular-nums">{a.earned} / {a.possible}</strong> points
              </>
            ) : (
              `Worth ${a.possible} points. Scores appear ${a.releasePolicy === "AFTER_CLOSE" ? "after the close date" : "when you hand in"}.`
            )}
          </p>
        </div>
        {quiz && a.state === "open" && !a.sitting ? <StartQuizForm assessmentId={a.id} minutes={a.timeLimitMinutes} /> : null}
        {running && a.sitting?.deadlineAt ? (
          <div className="space-y-2 text-right">
            <Countdown deadlineAt={a.sitting.deadlineAt} serverNow={a.serverNow} />
            <FinishQuizForm assessmentId={a.id} />
          </div>
        ) : null}
        {quiz && a.sitting && !running ? <p className="text-sm font-medium">{a.sitting.finishedAt ? "You handed in this quiz." : "The time is up."}</p> : null}
      </section>

      {a.state === "upcoming" ? (
        <p className="text-sm">This assessment opens {dateTime.format(new Date(a.opensAt))} UTC.</p>
      ) : !canOpenQuestions ? (
        <p className="text-sm">The questions appear when you start the quiz. The clock runs from that moment.</p>
      ) : (
        <ol className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {a.slots.map((s, i) => (
            <li key={s.questionId} className="flex flex-wrap items-baseline justify-between gap-2 p-4" data-testid="question-row">
              <Link href={`/assessments/${a.id}/questions/${s.questionId}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                {i + 1}. <Inline text={s.title} />
              </Link>
              <span className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
                {s.mechanism} · {s.points} pt{s.points === 1 ? "" : "s"} · {s.attempts} attempt{s.attempts === 1 ? "" : "s"}
                {s.attemptsLeft !== null ? ` (${s.attemptsLeft} left)` : ""}
                {s.score !== null ? ` · score ${Math.round(s.score * 100)}%` : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link href={`/assessments/${a.id}/results`} className="text-sm underline">
          All your attempts and results
        </Link>
      </p>
    </div>
  );
}
