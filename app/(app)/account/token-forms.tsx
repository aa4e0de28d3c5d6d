"use client";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/ui/form";
import { type ActionState, idle } from "@/lib/http/action-state";
import { createTokenAction, revokeTokenAction } from "./actions";

export function CreateTokenForm() {
  const [state, formAction] = useActionState<ActionState<{ token: string }>, FormData>(createTokenAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
        <div className="flex-1">
          <Field label="Token name" name="name" placeholder="grading script" errors={errors} autoComplete="off" />
        </div>
        <SubmitButton pendingText="Creating…">Create token</SubmitButton>
      </form>
      <FormMessage state={state} />
      {state.status === "ok" ? (
        <div className="space-y-1">
          <label htmlFor="new-token" className="text-sm font-medium">
            Your new token
          </label>
          <input
            id="new-token"
            readOnly
            value={state.data.token}
            data-testid="new-token"
            onFocus={(e) => e.currentTarget.select()}
            className="block w-full rounded-md border border-amber-300 bg-amber-50 px-3 py-2 font-mono text-sm dark:border-amber-700 dark:bg-amber-950"
          />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Send it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>.
          </p>
        </div>
      ) : null}
    </div>
  );
}

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [state, formAction] = useActionState<ActionState<null>, FormData>(revokeTokenAction, idle);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        aria-label={`Revoke token ${name}`}
        className="rounded-md px-2.5 py-1 text-sm font-medium text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
      >
        Revoke
      </button>
      {state.status === "error" ? <p role="alert" className="text-xs text-red-600">{state.message}</p> : null}
    </form>
  );
}
