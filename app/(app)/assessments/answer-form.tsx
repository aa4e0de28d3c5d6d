"use client";
// The answer widget, one per answer kind, inside a server-action form. The answer travels as JSON
// in one hidden field and is validated on the server against the question's schema. The
// idempotency key is made once per mounted form: a retry after a network error or a 503 repeats
// it (so at most one attempt is stored), and the page remounts the form for the next attempt.
import { useActionState, useEffect, useMemo, useState } from "react";
import { FormMessage, SubmitButton } from "@/app/ui/form";
import { idle } from "@/lib/http/action-state";
import type { StudentView } from "@/lib/grading/student-view";
import { submitAnswerAction } from "./actions";
import { Prose } from "./ui";

type Props = { assessmentId: string; questionId: string; view: StudentView };

const box = "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-base shadow-sm sm:text-sm dark:border-zinc-700 dark:bg-zinc-900";
const optionRow = "flex items-start gap-2 rounded-md border border-zinc-200 p-2 has-[:checked]:border-brand-500 dark:border-zinc-800";

export function AnswerForm({ assessmentId, questionId, view }: Props) {
  const [state, formAction] = useActionState(submitAnswerAction, idle);
  const [idempotencyKey, setKey] = useState("");
  useEffect(() => setKey(crypto.randomUUID()), []);
  const [answer, setAnswer] = useState<unknown>(null);
  return (
    <form action={formAction} className="space-y-4" aria-label="Your answer">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="questionId" value={questionId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="answer" value={answer === null ? "" : JSON.stringify(answer)} />
      <Widget view={view} onChange={setAnswer} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Grading…">Submit answer</SubmitButton>
    </form>
  );
}

function Widget({ view, onChange }: { view: StudentView; onChange: (answer: unknown) => void }) {
  switch (view.kind) {
    case "integer":
      return (
        <label className="block space-y-1">
          <span className="text-sm font-medium">Your answer (a whole number)</span>
          <input
            className={box}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            onChange={(e) => {
              const t = e.target.value.trim();
              onChange(/^-?\d+$/.test(t) ? { kind: "integer", value: Number(t) } : null);
            }}
          />
        </label>
      );
    case "boolean":
      return (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Your answer</legend>
          {[true, false].map((v) => (
            <label key={String(v)} className={optionRow}>
              <input type="radio" name="widget-boolean" onChange={() => onChange({ kind: "boolean", value: v })} />
              <span className="font-mono">{v ? "True" : "False"}</span>
            </label>
          ))}
        </fieldset>
      );
    case "output":
      return (
        <label className="block space-y-1">
          <span className="text-sm font-medium">The program's output, line by line</span>
          <textarea className={box} rows={5} spellCheck={false} onChange={(e) => onChange({ kind: "output", value: e.target.value })} />
        </label>
      );
    case "race":
      return (
        <label className="block space-y-1">
          <span className="text-sm font-medium">Every possible final value, separated by commas</span>
          <input
            className={box}
            type="text"
            autoComplete="off"
            onChange={(e) => {
              const parts = e.target.value.split(/[\s,]+/).filter(Boolean);
              onChange(parts.length > 0 && parts.every((p) => /^-?\d+$/.test(p)) ? { kind: "race", values: [...new Set(parts.map(Number))] } : null);
            }}
          />
        </label>
      );
    case "freed":
      return <Checklist legend="Tick each object that is freed by the end of the program" items={(view.targets ?? []).map((t) => ({ key: t.id, label: t.label }))} onChange={(ids) => onChange({ kind: "freed", freed: ids })} />;
    case "multi":
      return (
        <Checklist
          legend="Select every true statement"
          items={(view.options ?? []).map((o, i) => ({ key: String(i), label: o }))}
          onChange={(ids) => onChange({ kind: "multi", selected: ids.map(Number).sort((a, b) => a - b) })}
        />
      );
    case "choice":
      return (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Choose one</legend>
          {(view.options ?? []).map((o, i) => (
            <label key={i} className={optionRow}>
              <input type="radio" name="widget-choice" className="mt-1" onChange={() => onChange({ kind: "choice", choice: i })} />
              <Prose text={o} />
            </label>
          ))}
        </fieldset>
      );
    case "diagram":
      return <Diagram names={view.names ?? []} at={view.at ?? ""} onChange={onChange} />;
  }
}

function Checklist({ legend, items, onChange }: { legend: string; items: { key: string; label: string }[]; onChange: (keys: string[]) => void }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{legend}</legend>
      {items.map((item) => (
        <label key={item.key} className={optionRow}>
          <input
            type="checkbox"
            className="mt-1"
            checked={chosen.has(item.key)}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(item.key);
              else next.delete(item.key);
              setChosen(next);
              onChange([...next]);
            }}
          />
          <Prose text={item.label} />
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Names on the left, objects A, B, ... on the right: pick a name, then an object (or "unbound").
 * Every control is a button, so the whole diagram works from the keyboard (Tab, Enter/Space).
 */
function Diagram({ names, at, onChange }: { names: string[]; at: string; onChange: (answer: unknown) => void }) {
  const boxes = useMemo(() => names.map((_, i) => String.fromCharCode(65 + i)), [names]);
  const [groups, setGroups] = useState<Record<string, string | null | undefined>>({});
  const [picked, setPicked] = useState<string | null>(null);
  const connect = (target: string | null) => {
    if (!picked) return;
    const updated = { ...groups, [picked]: target };
    setGroups(updated);
    const complete = names.every((n) => updated[n] !== undefined);
    onChange(complete ? { kind: "diagram", groups: Object.fromEntries(names.map((n) => [n, updated[n] ?? null])) } : null);
    const next = names.find((n) => n !== picked && updated[n] === undefined);
    setPicked(next ?? null);
  };
  const button = "rounded-md border px-3 py-1.5 font-mono text-sm aria-pressed:border-brand-600 aria-pressed:bg-brand-50 dark:aria-pressed:bg-brand-950 border-zinc-300 dark:border-zinc-700";
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">Just after line ({at}) runs: click a name, then the object it refers to. Names that share an object go to the same box.</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-2" role="group" aria-label="Names">
          {names.map((n) => (
            <button key={n} type="button" className={`${button} block w-full text-left`} aria-pressed={picked === n} onClick={() => setPicked(n)}>
              {n} → {groups[n] === undefined ? "?" : groups[n] === null ? "unbound" : `object ${groups[n]}`}
            </button>
          ))}
        </div>
        <div className="flex flex-wrap content-start gap-2" role="group" aria-label="Objects">
          {boxes.map((b) => (
            <button key={b} type="button" className={button} disabled={!picked} onClick={() => connect(b)} aria-label={`object ${b}`}>
              {b}
            </button>
          ))}
          <button type="button" className={button} disabled={!picked} onClick={() => connect(null)}>
            unbound
          </button>
        </div>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {picked ? `Now choose the object for ${picked}.` : "Choose a name to connect."}
      </p>
    </fieldset>
  );
}
