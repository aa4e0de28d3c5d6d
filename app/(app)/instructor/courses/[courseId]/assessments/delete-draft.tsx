"use client";
// Deleting a draft takes two deliberate steps: open the panel, tick the box, press Delete. The
// server checks again (the role, unpublished, no attempt), whatever this page showed.
import { useActionState } from "react";
import { FormMessage } from "@/app/ui/form";
import { type ActionState, idle } from "@/lib/http/action-state";
import { deleteAssessmentAction } from "./actions";

export function DeleteDraft({ courseId, assessmentId, title }: { courseId: string; assessmentId: string; title: string }) {
  const [state, formAction, pending] = useActionState<ActionState<unknown>, FormData>(deleteAssessmentAction, idle);
  const error = state.status === "error" ? state.fieldErrors?.confirm : undefined;
  return (
    <details className="rounded-md border border-red-200 px-3 py-2 text-sm dark:border-red-900" data-testid="delete-draft">
      <summary className="cursor-pointer font-medium text-red-700 dark:text-red-300">Delete this draft…</summary>
      <form action={formAction} className="mt-3 space-y-2">
        <input type="hidden" name="courseId" value={courseId} />
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <p className="text-zinc-600 dark:text-zinc-400">No student has seen or answered it. Its question list is deleted with it; the questions themselves stay in the course.</p>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="confirm" className="mt-1" aria-invalid={error ? true : undefined} aria-describedby={error ? "confirm-error" : undefined} />
          <span>Yes, delete “{title}”.</span>
        </label>
        {error ? (
          <p id="confirm-error" className="text-red-600 dark:text-red-400">
            {error.join(" ")}
          </p>
        ) : null}
        <button type="submit" disabled={pending} className="rounded-md bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800 disabled:opacity-60">
          {pending ? "Deleting…" : "Delete draft"}
        </button>
        {error ? null : <FormMessage state={state} />}
      </form>
    </details>
  );
}
