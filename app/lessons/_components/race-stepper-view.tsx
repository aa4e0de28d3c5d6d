"use client";
// The threads lesson's race visualizer: two threads' load/add/store steps on one counter, first
// interleaved so that an update is lost, then inside a lock. Driven by the pure race machine
// (lib/lessons/race.ts), which the unit tests check against every interleaving.
import { useState, type KeyboardEvent } from "react";
import { LOST_UPDATE, replay, type RaceState, type Step, WITH_LOCK } from "@/lib/lessons/race";
import { CodeListing } from "./code-listing";

/** What the server's simulator found for each program: every possible final value. */
export interface RaceFinding {
  code: string;
  finalValues: number[];
  error?: string;
}

const SCHEDULES = [
  { id: "nolock", title: "Without a lock", schedule: LOST_UPDATE },
  { id: "lock", title: "With a lock (mutex)", schedule: WITH_LOCK },
] as const;

export function RaceStepperView({ start, findings }: { start: number; findings: [RaceFinding, RaceFinding] }) {
  return (
    <div className="my-6 grid gap-4 lg:grid-cols-2" data-testid="race-stepper">
      {SCHEDULES.map((s, i) => (
        <RaceRun key={s.id} id={s.id} title={s.title} start={start} schedule={s.schedule} finding={findings[i]} />
      ))}
    </div>
  );
}

function valuesText(values: number[]): string {
  return values.length === 1 ? `always ${values[0]}` : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
}

const THREAD_STYLE = [
  "border-l-4 border-blue-600 dark:border-blue-400",
  "border-l-4 border-red-600 dark:border-red-400",
];

function RaceRun({ id, title, start, schedule, finding }: { id: string; title: string; start: number; schedule: readonly Step[]; finding: RaceFinding }) {
  const states = replay(start, [...schedule]);
  const [at, setAt] = useState(0);
  const last = states.length - 1;
  const go = (i: number) => setAt(Math.max(0, Math.min(last, i)));
  const state = states[at];
  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    const keys: Record<string, number> = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: last };
    if (e.key in keys) {
      e.preventDefault();
      go(keys[e.key]);
    }
  };
  const done = at === last;
  const expected = start + 2;
  return (
    <section
      aria-label={`Race: ${title}`}
      data-testid={`race-${id}`}
      tabIndex={0}
      onKeyDown={onKey}
      className="rounded-xl border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">{title}</h3>
        <div className="ml-auto flex items-center gap-2">
          <button type="button" className={btn} onClick={() => go(at - 1)} disabled={at === 0} aria-label={`Previous step, ${title}`}>
            ←
          </button>
          <span className="text-sm tabular-nums" aria-hidden>
            {at}/{last}
          </span>
          <button type="button" className={btn} onClick={() => go(at + 1)} disabled={done} aria-label={`Next step, ${title}`}>
            →
          </button>
        </div>
      </div>
      <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
        <span>
          counter = <strong data-testid="race-counter" className="font-mono text-lg">{state.counter}</strong>
        </span>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${state.lock === null ? "bg-zinc-200 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100" : "bg-amber-200 text-amber-950 dark:bg-amber-800 dark:text-amber-50"}`}>
          {state.lock === null ? "lock free" : `lock held by Thread ${state.lock + 1}`}
        </span>
      </div>
      <div aria-hidden className="grid grid-cols-2 gap-2 px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
        <span>Thread 1</span>
        <span>Thread 2</span>
      </div>
      <ol className="space-y-1 text-sm">
        {states.slice(1).map((s, i) => (
          <StepRow key={i} s={s} shown={i + 1 <= at} current={i + 1 === at} />
        ))}
      </ol>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700 dark:text-brand-300">The Python program</summary>
        <div className="mt-2">
          <CodeListing code={finding.code} label={`Race program, ${title}`} />
        </div>
      </details>
      <p data-testid="race-final-values" className="mt-2 text-sm">
        {finding.error
          ? `The simulator could not enumerate this program: ${finding.error}`
          : `The simulator tried every interleaving of this program: the counter ends ${valuesText(finding.finalValues)}.`}
      </p>
      <p aria-live="polite" className="mt-2 min-h-12 rounded-md bg-zinc-100 p-2 text-sm dark:bg-zinc-900">
        {state.note}
        {done ? (state.counter === expected ? ` Final value ${state.counter}: both increments counted.` : ` Final value ${state.counter}, not ${expected}.`) : ""}
      </p>
    </section>
  );
}

function StepRow({ s, shown, current }: { s: RaceState; shown: boolean; current: boolean }) {
  if (!s.step) return null;
  const t = s.step.thread;
  return (
    <li
      aria-current={current ? "step" : undefined}
      className={`grid grid-cols-2 gap-2 ${shown ? "" : "text-zinc-500 dark:text-zinc-400"} ${current ? "font-semibold" : ""}`}
    >
      {[0, 1].map((col) => (
        <span key={col} className={col === t ? `${THREAD_STYLE[t]} rounded-sm px-2 py-0.5 font-mono ${shown ? "bg-zinc-100 dark:bg-zinc-900" : ""}` : "px-2 py-0.5"}>
          {col === t ? `T${t + 1} ${s.step?.op}${s.blocked ? " (waits)" : ""}${shown && s.step?.op === "load" ? ` → ${s.registers[t]}` : ""}${shown && s.step?.op === "store" ? ` ← ${s.counter}` : ""}` : ""}
        </span>
      ))}
    </li>
  );
}

const btn =
  "rounded-md border border-zinc-300 bg-white px-3 py-1 text-sm font-medium hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";
