import type { Metadata } from "next";
import Link from "next/link";
import { listMyAssessments, type AssessmentSummary } from "@/lib/assessments/queries";
import { pageUser } from "@/lib/auth/page";
import { PageTitle } from "@/app/ui/page-title";
import { dateTime } from "./ui";

export const metadata: Metadata = { title: "Assessments" };

function Row({ a }: { a: AssessmentSummary }) {
  const done = a.state === "closed" || (a.kind === "QUIZ" && a.sitting?.finishedAt) || (a.questionCount > 0 && a.answeredCount === a.questionCount);
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-2 p-4" data-testid="assessment-row">
      <div>
        <Link href={`/assessments/${a.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
          {a.title}
        </Link>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {a.courseTitle} · {a.kind === "QUIZ" ? `Quiz${a.timeLimitMinutes ? `, ${a.timeLimitMinutes} min` : ""}` : "Homework"} ·{" "}
          {a.state === "upcoming" ? `opens ${dateTime.format(new Date(a.opensAt))}` : `due ${dateTime.format(new Date(a.closesAt))}`} UTC
        </p>
      </div>
      <p className="text-sm tabular-nums" data-testid="assessment-score">
        {a.answeredCount}/{a.questionCount} answered
        {a.earned !== null ? ` · ${a.earned} / ${a.possible} points` : done ? " · score after release" : ""}
      </p>
    </li>
  );
}

function Section({ title, items, empty }: { title: string; items: AssessmentSummary[]; empty: string }) {
  return (
    <section className="space-y-3" aria-label={title}>
      <h2 className="text-lg font-semibold">{title}</h2>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">{empty}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {items.map((a) => (
            <Row key={a.id} a={a} />
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function AssessmentsPage() {
  const caller = await pageUser("/assessments");
  const all = await listMyAssessments(caller);
  const finished = (a: AssessmentSummary) => a.state === "closed" || !!a.sitting?.finishedAt || (a.questionCount > 0 && a.answeredCount === a.questionCount);
  return (
    <div className="space-y-8">
      <PageTitle title="Assessments" lead={<>Homework and quizzes of your courses. <Link className="underline" href="/assessments/progress">Your progress per mechanism</Link></>} />
      <Section title="To do" items={all.filter((a) => a.state === "open" && !finished(a))} empty="Nothing to do right now." />
      <Section title="Upcoming" items={all.filter((a) => a.state === "upcoming")} empty="Nothing scheduled." />
      <Section title="Done" items={all.filter((a) => a.state !== "upcoming" && finished(a))} empty="Nothing finished yet." />
    </div>
  );
}
