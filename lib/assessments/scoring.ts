// Points and partial credit. A graded attempt has a score in [0, 1] (lib/grading); a slot is worth
// `points`, so an attempt earns score × points. With retries, the slot's score is the best or the
// last attempt's, per the assessment's scorePolicy.
import type { ScorePolicy } from "@/lib/db/generated/enums";

export type ScoredAttempt = { score: number; createdAt: Date };

/** The slot's score under the policy, or null when there is no attempt. */
export function slotScore(attempts: readonly ScoredAttempt[], policy: ScorePolicy): number | null {
  if (attempts.length === 0) return null;
  if (policy === "BEST") return Math.max(...attempts.map((a) => a.score));
  let last = attempts[0];
  for (const a of attempts) if (a.createdAt.getTime() >= last.createdAt.getTime()) last = a;
  return last.score;
}

export function pointsFor(score: number, slotPoints: number): number {
  // Rounded to 1/1000 of a point, so 1/3 credit on a 3-point slot shows as 1, not 0.9999999.
  return Math.round(Math.min(1, Math.max(0, score)) * slotPoints * 1000) / 1000;
}

export type SlotTotal = { points: number; score: number | null };

/** Earned and possible points over the slots; unanswered slots earn nothing. */
export function total(slots: readonly SlotTotal[]): { earned: number; possible: number } {
  let earned = 0;
  let possible = 0;
  for (const s of slots) {
    possible += s.points;
    if (s.score !== null) earned += pointsFor(s.score, s.points);
  }
  return { earned: Math.round(earned * 1000) / 1000, possible };
}
