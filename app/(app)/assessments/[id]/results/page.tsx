import type { Metadata } from "next";
import { assessmentDetail } from "@/lib/assessments/queries";
import { listMyAttempts } from "@/lib/attempts/list";
import { pageUser } from "@/lib/auth/page";
import { formatDuration } from "@/lib/format/duration";
import { forPage } from "@/lib/pages/answer";
import { pageParams } from "@/lib/pages/params";
import { PageTitle } from "@/app/ui/page-title";
import { BackToAssessment, dateTime, FeedbackPanel } from "../../ui";

export const metadata: Metadata = { title: "Results" };

export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const path = `/assessments/${id}/results`;
  const caller = await pageUser(path);
  const a = await forPage(path, () => assessmentDetail(caller, id));
  const attempts = await listMyAttempts(caller, { assessmentId: id, limit: 500 });
  return (
    <div className="space-y-6">
      <BackToAssessment id={id} title={a.title} />
      <PageTitle
        title={`Results: ${a.title}`}
        lead={a.earned !== null ? `${a.earned} / ${a.possible} points (${a.scorePolicy === "BEST" ? "best" : "last"} attempt per question)` : "Scores are not released yet."}
      />
      {attempts.length === 0 ? <p className="text-sm">No attempts yet.</p> : null}
      <ol className="space-y-4">
        {attempts.map((t) => (
          <li key={t.attemptId} className="space-y-2" data-testid="result">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {t.questionTitle} · {dateTime.format(new Date(t.createdAt))} UTC
              {t.timeTakenMs !== null ? ` · ${formatDuration(t.timeTakenMs)}` : ""}
            </p>
            <FeedbackPanel result={t} attemptNumber={t.attemptNumber} />
          </li>
        ))}
      </ol>
    </div>
  );
}
