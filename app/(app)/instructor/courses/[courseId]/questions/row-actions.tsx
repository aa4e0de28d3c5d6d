"use client";
// Per-row buttons of the question list, each a server action that re-checks the caller.
import { useActionState } from "react";
import { type ActionState, idle } from "@/lib/http/action-state";
import { archiveAction, copyAction } from "./actions";

const small = "rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

export function ArchiveButton({ courseId, questionId, archived }: { courseId: string; questionId: string; archived: boolean }) {
  const [state, act, pending] = useActionState<ActionState<unknown>, FormData>(archiveAction, idle);
  return (
    <form action={act} className="inline">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="questionId" value={questionId} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <button type="submit" className={small} disabled={pending}>
        {archived ? "Restore" : "Archive"}
      </button>
      {state.status === "error" ? <span role="alert" className="ml-2 text-xs text-red-700 dark:text-red-400">{state.message}</span> : null}
    </form>
  );
}

export function CopyButton({ courseId, questionId }: { courseId: string; questionId: string }) {
  const [state, act, pending] = useActionState<ActionState<unknown>, FormData>(copyAction, idle);
  return (
    <form action={act} className="inline">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="questionId" value={questionId} />
      <button type="submit" className={small} disabled={pending}>
        Copy to course
      </button>
      {state.status === "error" ? <span role="alert" className="ml-2 text-xs text-red-700 dark:text-red-400">{state.message}</span> : null}
    </form>
  );
}
