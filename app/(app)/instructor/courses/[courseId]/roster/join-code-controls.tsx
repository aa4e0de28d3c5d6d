"use client";
// Join-code buttons for the course's instructors. Regenerating asks first: the old code stops
// working at once, and a class that has it on a slide would be locked out.
import { useActionState, useState } from "react";
import { FormMessage } from "@/app/ui/form";
import { type ActionState, idle } from "@/lib/http/action-state";
import { joinCodeAction } from "./actions";

const button =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

export function JoinCodeControls({ courseId, enabled }: { courseId: string; enabled: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState<null>, FormData>(joinCodeAction, idle);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {confirming ? (
          <form action={formAction} onSubmit={() => setConfirming(false)} className="flex flex-wrap items-center gap-2" aria-label="Confirm a new join code">
            <input type="hidden" name="courseId" value={courseId} />
            <input type="hidden" name="op" value="regenerate" />
            <span className="text-sm">The current code will stop working.</span>
            <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
              Yes, issue a new code
            </button>
            <button type="button" className={button} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <button type="button" className={button} disabled={pending} onClick={() => setConfirming(true)}>
            New join code
          </button>
        )}
        <form action={formAction}>
          <input type="hidden" name="courseId" value={courseId} />
          <input type="hidden" name="op" value={enabled ? "disable" : "enable"} />
          <button type="submit" className={button} disabled={pending}>
            {enabled ? "Close the join code" : "Reopen the join code"}
          </button>
        </form>
      </div>
      <FormMessage state={state} />
    </div>
  );
}
