"use client";
import Link from "next/link";
import { useActionState, useId } from "react";
import type { StudentView } from "@/lib/grading";
import { gradeCheckAction } from "../actions";
import { CodeListing } from "./code-listing";
import { idleCheck } from "./check-state";

export function CheckForm({ id, python, view, done, signedIn, returnTo }: { id: string; python: string; view: StudentView; done: boolean; signedIn: boolean; returnTo: string }) {
  const [state, formAction, pending] = useActionState(gradeCheckAction, idleCheck);
  const uid = useId();
  const solved = done || (state.status === "graded" && state.correct);
  return (
    <form action={formAction} data-testid="lesson-check" data-check-id={id} className="my-6 rounded-xl border border-brand-300 bg-brand-50 p-4 dark:border-brand-700 dark:bg-zinc-900">
      <input type="hidden" name="checkId" value={id} />
      <input type="hidden" name="kind" value={view.kind} />
      <fieldset className="space-y-3">
        <legend className="flex flex-wrap items-center gap-2 font-semibold">
          Check: {view.title}
          {solved ? <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-50">done</span> : null}
        </legend>
        <p className="text-sm leading-6">
          <InlineCode text={view.prompt} />
        </p>
        {view.code ? <CodeListing code={view.code} label="Program for this check" /> : null}
        {view.code ? <p className="text-xs text-zinc-600 dark:text-zinc-400">Graded for Python {python}, run as a {view.mode === "repl" ? "shell session" : "script"}.</p> : null}
        <Input kind={view.kind} options={view.options ?? []} uid={uid} />
      </fieldset>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Checking…" : "Check my answer"}
        </button>
        {!signedIn ? (
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            <Link href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-medium text-brand-700 underline dark:text-brand-300">
              Sign in
            </Link>{" "}
            to save your progress.
          </span>
        ) : null}
      </div>
      <div aria-live="polite" className="mt-3 text-sm">
        {state.status === "graded" ? (
          <p data-testid="check-verdict" data-correct={state.correct} className={state.correct ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}>
            {state.summary}
            {state.misconception ? <span className="mt-1 block text-zinc-700 dark:text-zinc-300">{state.misconception}</span> : null}
            {state.saved ? <span className="mt-1 block text-zinc-700 dark:text-zinc-300">Saved to your progress.</span> : null}
          </p>
        ) : state.status !== "idle" ? (
          <p role="alert" className="text-amber-900 dark:text-amber-200">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function Input({ kind, options, uid }: { kind: StudentView["kind"]; options: string[]; uid: string }) {
  const field = "rounded-md border border-zinc-300 bg-white px-3 py-2 text-base sm:text-sm dark:border-zinc-700 dark:bg-zinc-950";
  switch (kind) {
    case "integer":
      return (
        <div className="flex items-center gap-2">
          <label htmlFor={`${uid}-v`} className="text-sm font-medium">Your answer</label>
          <input id={`${uid}-v`} name="value" inputMode="numeric" required autoComplete="off" className={`${field} w-32 font-mono`} />
        </div>
      );
    case "output":
      return (
        <div className="space-y-1">
          <label htmlFor={`${uid}-v`} className="block text-sm font-medium">What the program prints</label>
          <textarea id={`${uid}-v`} name="value" rows={3} required className={`${field} w-full font-mono`} />
        </div>
      );
    case "boolean":
      return (
        <div role="radiogroup" aria-label="Your answer" className="flex gap-4">
          {["True", "False"].map((v) => (
            <label key={v} className="flex items-center gap-2 font-mono text-sm">
              <input type="radio" name="value" value={v} required /> {v}
            </label>
          ))}
        </div>
      );
    case "choice":
      return (
        <div role="radiogroup" aria-label="Options" className="space-y-2">
          {options.map((o, i) => (
            <label key={i} className="flex items-start gap-2 text-sm">
              <input type="radio" name="value" value={i} required className="mt-1" />{" "}
              <span>
                <InlineCode text={o} />
              </span>
            </label>
          ))}
        </div>
      );
    default:
      return <p className="text-sm">This kind of question is answered in the exercises.</p>;
  }
}

/** Markdown code spans (`x`) in prompts and options, as <code>; everything else stays text. */
function InlineCode({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-white/70 px-1 font-mono text-[0.9em] dark:bg-zinc-800">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
