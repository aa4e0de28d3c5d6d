// Progress per mechanism: over the caller's released attempts, how many questions of each
// mechanism they answered and how many they got right at least once. Unreleased attempts are
// left out, or a quiz's hidden results would leak through the progress bars.
import type { Caller } from "@/lib/auth/caller";
import { getPrisma } from "@/lib/db/client";
import { MECHANISMS } from "@/lib/questions/mechanisms";
import { isReleased } from "./release";

export type MechanismProgress = { mechanism: string; answered: number; mastered: number; meanBest: number | null };

export async function progressByMechanism(caller: Caller, now = new Date()): Promise<MechanismProgress[]> {
  const attempts = await getPrisma().attempt.findMany({
    where: { userId: caller.id },
    select: {
      questionId: true,
      score: true,
      question: { select: { mechanism: true } },
      assessment: { select: { kind: true, releasePolicy: true, closesAt: true, sittings: { where: { userId: caller.id }, select: { finishedAt: true, deadlineAt: true } } } },
    },
  });
  const best = new Map<string, { mechanism: string; score: number }>();
  for (const a of attempts) {
    if (a.assessment && !isReleased(a.assessment, a.assessment.sittings[0] ?? null, now)) continue;
    const prev = best.get(a.questionId);
    if (!prev || a.score > prev.score) best.set(a.questionId, { mechanism: a.question.mechanism, score: a.score });
  }
  return MECHANISMS.map((mechanism) => {
    const mine = [...best.values()].filter((b) => b.mechanism === mechanism);
    return {
      mechanism,
      answered: mine.length,
      mastered: mine.filter((b) => b.score === 1).length,
      meanBest: mine.length ? mine.reduce((s, b) => s + b.score, 0) / mine.length : null,
    };
  });
}
