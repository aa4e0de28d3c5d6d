"use client";
// The assessment builder. Settings are ordinary labelled fields; the question list (pick from
// the course's and the shared bank's templates, points, pool, reorder, remove) lives in React
// state and travels to the server action as one JSON field. Submitting goes through onSubmit
// rather than <form action>, so React does not reset the form: what the instructor typed stays
// on the screen beside the field errors. A TA gets the same view, read only, without buttons.
import { useActionState, useEffect, useMemo, useState, useTransition } from "react";
import { FormMessage } from "@/app/ui/form";
import { type ActionState, idle } from "@/lib/http/action-state";
import { saveAssessmentAction } from "./actions";

export type BuilderTemplate = { id: string; title: string; mechanism: string; source: "course" | "shared" };
export type BuilderSlotValue = { id?: string; questionId: string; points: number; poolKey: string; attempts: number };
export type BuilderValues = {
  title: string;
  kind: "HOMEWORK" | "QUIZ";
  opensAt: string;
  closesAt: string;
  timeLimitMinutes: string;
  maxAttempts: string;
  scorePolicy: "BEST" | "LAST";
  releasePolicy: "IMMEDIATELY" | "AFTER_SUBMISSION" | "AFTER_CLOSE";
  pythonVersion: string;
  slots: BuilderSlotValue[];
};

const input =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm aria-invalid:border-red-500 disabled:bg-zinc-50 sm:text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:disabled:bg-zinc-950";
const small = "rounded-md border border-zinc-300 px-2 py-1 text-sm font-medium hover:bg-zinc-50 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800";
const PYTHON = ["3.10", "3.11", "3.12", "3.13", "3.14"];
const RELEASE = [
  { value: "IMMEDIATELY", label: "Immediately", hint: "each answer's score and key show as soon as it is graded" },
  { value: "AFTER_SUBMISSION", label: "After submission", hint: "a quiz's results show once the student hands it in or time runs out" },
  { value: "AFTER_CLOSE", label: "After the close date", hint: "nothing shows until the assessment closes" },
] as const;

function Errors({ name, errors }: { name: string; errors: Record<string, string[]> }) {
  const messages = errors[name];
  return messages ? (
    <p id={`${name}-error`} className="text-sm text-red-600 dark:text-red-400">
      {messages.join(" ")}
    </p>
  ) : null;
}

function Labelled({ name, label, hint, errors, children }: { name: string; label: string; hint?: string; errors: Record<string, string[]>; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${name}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      <Errors name={name} errors={errors} />
    </div>
  );
}

/** aria attributes that tie a field to its hint and error. */
function aria(name: string, errors: Record<string, string[]>, hint = false) {
  const ids = [hint ? `${name}-hint` : "", errors[name] ? `${name}-error` : ""].filter(Boolean).join(" ");
  return { "aria-invalid": errors[name] ? true : undefined, "aria-describedby": ids || undefined } as const;
}

export function AssessmentBuilder({
  courseId,
  assessmentId,
  initial,
  templates,
  readOnly,
}: {
  courseId: string;
  assessmentId?: string;
  initial: BuilderValues;
  templates: BuilderTemplate[];
  readOnly: boolean;
}) {
  const [state, dispatch] = useActionState<ActionState<{ slotIds: string[] } | null>, FormData>(saveAssessmentAction, idle);
  const [pending, startTransition] = useTransition();
  const [v, setV] = useState(initial);
  useEffect(() => {
    const ids = state.status === "ok" ? state.data?.slotIds : undefined;
    if (ids) setV((old) => (old.slots.length === ids.length ? { ...old, slots: old.slots.map((s, i) => ({ ...s, id: ids[i] })) } : old));
  }, [state]);
  const [search, setSearch] = useState("");
  const byId = useMemo(() => new Map(templates.map((t) => [t.id, t])), [templates]);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const set = <K extends keyof BuilderValues>(key: K, value: BuilderValues[K]) => setV((old) => ({ ...old, [key]: value }));
  const setSlot = (i: number, patch: Partial<BuilderSlotValue>) => set("slots", v.slots.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: -1 | 1) => {
    const slots = [...v.slots];
    [slots[i], slots[i + by]] = [slots[i + by], slots[i]];
    set("slots", slots);
  };
  const picked = new Set(v.slots.map((s) => s.questionId));
  const needle = search.trim().toLowerCase();
  const matches = needle
    ? templates.filter((t) => !picked.has(t.id) && (t.title.toLowerCase().includes(needle) || t.mechanism.toLowerCase().includes(needle))).slice(0, 12)
    : [];

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData();
    form.set("courseId", courseId);
    if (assessmentId) form.set("assessmentId", assessmentId);
    for (const key of ["title", "kind", "opensAt", "closesAt", "timeLimitMinutes", "maxAttempts", "scorePolicy", "releasePolicy", "pythonVersion"] as const) form.set(key, v[key]);
    form.set("slots", JSON.stringify(v.slots.map((s) => ({ id: s.id, questionId: s.questionId, points: s.points, poolKey: s.poolKey }))));
    startTransition(() => dispatch(form));
  }

  const slotErrors = Object.entries(errors).filter(([k]) => k === "slots");
  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-label="Assessment">
      <FormMessage state={state} />
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Settings</legend>
        <div className="sm:col-span-2">
          <Labelled name="title" label="Title" errors={errors}>
            <input id="title" className={input} value={v.title} onChange={(e) => set("title", e.target.value)} {...aria("title", errors)} />
          </Labelled>
        </div>
        <Labelled name="kind" label="Kind" errors={errors} hint="A quiz is sat once, against its time limit; homework allows retries.">
          <select id="kind" className={input} value={v.kind} onChange={(e) => set("kind", e.target.value as BuilderValues["kind"])} {...aria("kind", errors, true)}>
            <option value="HOMEWORK">Homework</option>
            <option value="QUIZ">Quiz</option>
          </select>
        </Labelled>
        <Labelled name="pythonVersion" label="Python version" errors={errors} hint="Keys are computed on this version's memory model.">
          <select id="pythonVersion" className={input} value={v.pythonVersion} onChange={(e) => set("pythonVersion", e.target.value)} {...aria("pythonVersion", errors, true)}>
            {PYTHON.map((p) => (
              <option key={p} value={p}>
                CPython {p}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled name="opensAt" label="Opens (UTC)" errors={errors}>
          <input id="opensAt" type="datetime-local" className={input} value={v.opensAt} onChange={(e) => set("opensAt", e.target.value)} {...aria("opensAt", errors)} />
        </Labelled>
        <Labelled name="closesAt" label="Closes (UTC)" errors={errors}>
          <input id="closesAt" type="datetime-local" className={input} value={v.closesAt} onChange={(e) => set("closesAt", e.target.value)} {...aria("closesAt", errors)} />
        </Labelled>
        <Labelled name="timeLimitMinutes" label="Time limit (minutes)" errors={errors} hint="Quizzes only; empty for none.">
          <input
            id="timeLimitMinutes"
            inputMode="numeric"
            className={input}
            value={v.timeLimitMinutes}
            onChange={(e) => set("timeLimitMinutes", e.target.value)}
            {...aria("timeLimitMinutes", errors, true)}
          />
        </Labelled>
        <Labelled name="maxAttempts" label="Attempts per question" errors={errors} hint="Empty for unlimited.">
          <input id="maxAttempts" inputMode="numeric" className={input} value={v.maxAttempts} onChange={(e) => set("maxAttempts", e.target.value)} {...aria("maxAttempts", errors, true)} />
        </Labelled>
        <Labelled name="scorePolicy" label="Score that counts" errors={errors}>
          <select id="scorePolicy" className={input} value={v.scorePolicy} onChange={(e) => set("scorePolicy", e.target.value as BuilderValues["scorePolicy"])} {...aria("scorePolicy", errors)}>
            <option value="BEST">Best attempt</option>
            <option value="LAST">Last attempt</option>
          </select>
        </Labelled>
        <Labelled name="releasePolicy" label="Students see scores and answers" errors={errors} hint={RELEASE.find((r) => r.value === v.releasePolicy)?.hint}>
          <select
            id="releasePolicy"
            className={input}
            value={v.releasePolicy}
            onChange={(e) => set("releasePolicy", e.target.value as BuilderValues["releasePolicy"])}
            {...aria("releasePolicy", errors, true)}
          >
            {RELEASE.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </Labelled>
      </fieldset>

      <fieldset disabled={readOnly} className="space-y-3">
        <legend className="text-lg font-semibold">Questions</legend>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Questions with the same pool name are alternatives: each student is given one of them, so they must be worth the same points.
        </p>
        {slotErrors.map(([k, messages]) => (
          <p key={k} role="alert" id="slots-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {messages.join(" ")}
          </p>
        ))}
        {v.slots.length === 0 ? (
          <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">No questions yet.</p>
        ) : (
          <ol className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="slots">
            {v.slots.map((s, i) => {
              const t = byId.get(s.questionId);
              const label = t?.title ?? "A question no longer offered";
              return (
                <li key={s.id ?? s.questionId} className="grid gap-3 p-3 sm:grid-cols-[2rem_1fr_6rem_8rem_auto] sm:items-start" data-testid="slot">
                  <span className="pt-1 font-mono text-sm text-zinc-600 dark:text-zinc-400">{i + 1}.</span>
                  <div>
                    <p className="font-medium">{label}</p>
                    <p className="text-xs text-zinc-600 dark:text-zinc-400">
                      {t ? `${t.mechanism} · ${t.source === "course" ? "this course" : "shared bank"}` : ""}
                      {s.attempts > 0 ? ` · ${s.attempts} attempt${s.attempts === 1 ? "" : "s"}: locked` : ""}
                    </p>
                    <Errors name={`slots.${i}.questionId`} errors={errors} />
                  </div>
                  <div className="space-y-1">
                    <label htmlFor={`points-${i}`} className="block text-xs font-medium">
                      Points
                    </label>
                    <input
                      id={`points-${i}`}
                      inputMode="decimal"
                      className={input}
                      value={String(s.points)}
                      onChange={(e) => setSlot(i, { points: e.target.value === "" ? Number.NaN : Number(e.target.value) })}
                      aria-invalid={errors[`slots.${i}.points`] ? true : undefined}
                      aria-describedby={errors[`slots.${i}.points`] ? `slots.${i}.points-error` : undefined}
                    />
                    <Errors name={`slots.${i}.points`} errors={errors} />
                  </div>
                  <div className="space-y-1">
                    <label htmlFor={`pool-${i}`} className="block text-xs font-medium">
                      Pool
                    </label>
                    <input
                      id={`pool-${i}`}
                      className={input}
                      value={s.poolKey}
                      placeholder="none"
                      onChange={(e) => setSlot(i, { poolKey: e.target.value })}
                      aria-invalid={errors[`slots.${i}.poolKey`] ? true : undefined}
                      aria-describedby={errors[`slots.${i}.poolKey`] ? `slots.${i}.poolKey-error` : undefined}
                    />
                    <Errors name={`slots.${i}.poolKey`} errors={errors} />
                  </div>
                  {readOnly ? null : (
                    <div className="flex gap-1 sm:pt-5">
                      <button type="button" className={small} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${label} up`}>
                        ↑
                      </button>
                      <button type="button" className={small} disabled={i === v.slots.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${label} down`}>
                        ↓
                      </button>
                      <button type="button" className={small} onClick={() => set("slots", v.slots.filter((_, j) => j !== i))} aria-label={`Remove ${label}`}>
                        Remove
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}

        {readOnly ? null : (
          <div className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <label htmlFor="template-search" className="block text-sm font-medium">
              Add a question: search by title or mechanism
            </label>
            <input
              id="template-search"
              type="search"
              className={input}
              value={search}
              placeholder="e.g. refcount, aliasing, interning"
              onChange={(e) => setSearch(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") e.preventDefault();
              }}
            />
            {needle && matches.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No template matches.</p> : null}
            {matches.length > 0 ? (
              <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Matching templates">
                {matches.map((t) => (
                  <li key={t.id} className="flex items-center justify-between gap-2 py-1.5">
                    <span className="text-sm">
                      {t.title} <span className="text-xs text-zinc-600 dark:text-zinc-400">· {t.mechanism} · {t.source === "course" ? "this course" : "shared bank"}</span>
                    </span>
                    <button
                      type="button"
                      className={small}
                      aria-label={`Add ${t.title}`}
                      onClick={() => set("slots", [...v.slots, { questionId: t.id, points: v.slots.at(-1)?.points || 1, poolKey: "", attempts: 0 }])}
                    >
                      Add
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        )}
      </fieldset>

      {readOnly ? null : (
        <button
          type="submit"
          disabled={pending}
          className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : assessmentId ? "Save changes" : "Create assessment"}
        </button>
      )}
    </form>
  );
}
