"use client";
import { useActionState } from "react";
import { FormMessage } from "@/app/ui/form";
import { type ActionState, idle } from "@/lib/http/action-state";
import { publishAction } from "./actions";

export function PublishControls({ courseId, assessmentId, published }: { courseId: string; assessmentId: string; published: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState<null>, FormData>(publishAction, idle);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="publish" value={published ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className={
          published
            ? "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
            : "rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
        }
      >
        {published ? "Unpublish" : "Publish"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
