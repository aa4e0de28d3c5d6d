"use client";
// The apply step: a confirmation box, then one submit. The button is disabled while the action
// runs (no double submit from the page; the server is safe against it anyway).
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/ui/form";
import { type ActionState, idle } from "@/lib/http/action-state";
import { applyRegradeAction } from "./actions";

type Props = { courseId: string; assessmentId: string; questionId: string; toVersion: number; students: number; attempts: number };

export function ApplyRegradeForm(p: Props) {
  const [state, formAction] = useActionState<ActionState<unknown>, FormData>(applyRegradeAction, idle);
  const confirmError = state.status === "error" ? state.fieldErrors.confirm : undefined;
  return (
    <form action={formAction} className="space-y-3" data-testid="apply-regrade">
      <input type="hidden" name="courseId" value={p.courseId} />
      <input type="hidden" name="assessmentId" value={p.assessmentId} />
      <input type="hidden" name="questionId" value={p.questionId} />
      <input type="hidden" name="toVersion" value={p.toVersion} />
      <FormMessage state={state} />
      {state.status === "ok" ? null : (
        <>
          <div className="flex items-start gap-2">
            <input
              id="confirm"
              name="confirm"
              type="checkbox"
              value="yes"
              className="mt-1 size-4"
              aria-invalid={confirmError ? true : undefined}
              aria-describedby={confirmError ? "confirm-error" : undefined}
            />
            <label htmlFor="confirm" className="text-sm">
              Regrade {p.attempts} {p.attempts === 1 ? "attempt" : "attempts"} to version {p.toVersion}, changing the score of {p.students}{" "}
              {p.students === 1 ? "student" : "students"} as previewed. This is recorded and cannot be undone from here.
            </label>
          </div>
          {confirmError ? (
            <p id="confirm-error" className="text-sm text-red-600 dark:text-red-400">
              {confirmError.join(" ")}
            </p>
          ) : null}
          <SubmitButton pendingText="Regrading…">Apply regrade</SubmitButton>
        </>
      )}
    </form>
  );
}
