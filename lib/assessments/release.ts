// The release rule: when a student may see scores, right answers and feedback. One function,
// used by every page and API answer, so no screen can disagree with another about a secret.
//
// After the close date everything is released. Before it:
//   IMMEDIATELY       each graded attempt is released at once (homework's usual setting);
//   AFTER_SUBMISSION  a quiz's attempts once its sitting is finished or its time is up; homework
//                     has no sitting, so each submitted attempt counts as its own submission;
//   AFTER_CLOSE       nothing (a quiz's usual setting: classmates sit it later in the window).
import type { AssessmentKind, ReleasePolicy } from "@/lib/db/generated/enums";

export type ReleaseFacts = { kind: AssessmentKind; releasePolicy: ReleasePolicy; closesAt: Date };
export type SittingFacts = { finishedAt: Date | null; deadlineAt: Date | null } | null;

export function isReleased(assessment: ReleaseFacts, sitting: SittingFacts, now: Date): boolean {
  if (now.getTime() >= assessment.closesAt.getTime()) return true;
  switch (assessment.releasePolicy) {
    case "IMMEDIATELY":
      return true;
    case "AFTER_SUBMISSION":
      if (assessment.kind === "HOMEWORK") return true;
      return sitting !== null && (sitting.finishedAt !== null || (sitting.deadlineAt !== null && now.getTime() >= sitting.deadlineAt.getTime()));
    case "AFTER_CLOSE":
      return false;
  }
}
