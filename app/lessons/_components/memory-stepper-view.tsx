"use client";
// The memory visualizer: code on one side, memory on the other (frames with their names, arrows to
// heap objects with refcount, generation, interned and immortal marks; freed objects fade out).
// Keyboard: with focus anywhere in the widget, Left/Right step, Home/End jump.
import { useCallback, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import type { PythonVersion } from "@/lib/questions/mechanisms";
import type { StepObject, StepperRun, StepperStep } from "@/lib/lessons/trace";
import { CodeListing } from "./code-listing";

/** `weak`: drawn dashed; used for references between heap objects (not weak references). */
type Arrow = { key: string; d: string; weak?: boolean };

export function MemoryStepperView({ code, mode, initialPython, runs }: { code: string; mode: "script" | "repl"; initialPython: PythonVersion; runs: StepperRun[] }) {
  const [python, setPython] = useState<PythonVersion>(initialPython);
  const [index, setIndex] = useState(0);
  const run = runs.find((r) => r.python === python) ?? runs[0];
  const steps = run.ok ? run.steps : [];
  const last = Math.max(0, steps.length - 1);
  const at = Math.min(index, last);
  const step = steps[at];
  const id = useId();

  const go = useCallback((i: number) => setIndex(Math.max(0, Math.min(last, i))), [last]);
  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.target instanceof HTMLSelectElement) return;
    const keys: Record<string, number> = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: last };
    if (e.key in keys) {
      e.preventDefault();
      go(keys[e.key]);
    }
  };

  return (
    <section
      aria-label={`Memory visualizer${mode === "repl" ? " (interactive shell)" : ""}`}
      aria-roledescription="stepper"
      data-testid="memory-stepper"
      data-python={python}
      data-mode={mode}
      data-code={code}
      data-step={at}
      tabIndex={0}
      onKeyDown={onKey}
      className="my-6 rounded-xl border border-zinc-200 bg-zinc-50/60 p-3 sm:p-4 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-py`} className="text-sm font-medium">
          Python
        </label>
        <select
          id={`${id}-py`}
          value={python}
          onChange={(e) => {
            const next = runs.find((r) => r.python === e.target.value);
            if (next) setPython(next.python);
          }}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          {runs.map((r) => (
            <option key={r.python} value={r.python}>
              {r.python}
            </option>
          ))}
        </select>
        {mode === "repl" ? <span className="rounded-full bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-900 dark:bg-violet-900/50 dark:text-violet-100">interactive shell: each line compiled alone</span> : null}
        <div className="ml-auto flex items-center gap-2">
          <button type="button" onClick={() => go(at - 1)} disabled={at === 0} className={btn}>
            <span aria-hidden>←</span> <span className="sr-only sm:not-sr-only">Previous step</span>
          </button>
          <span className="min-w-[6.5rem] text-center text-sm tabular-nums" aria-hidden>
            Step {steps.length ? at + 1 : 0} of {steps.length}
          </span>
          <button type="button" onClick={() => go(at + 1)} disabled={at >= last} className={btn}>
            <span className="sr-only sm:not-sr-only">Next step</span> <span aria-hidden>→</span>
          </button>
        </div>
      </div>
      {!run.ok ? (
        <div className="grid gap-3 md:grid-cols-2">
          <CodeListing code={code} label="Program" />
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
            The visualizer cannot show this program on Python {python}: {run.error}
          </p>
        </div>
      ) : step ? (
        <>
          <p aria-live="polite" className="sr-only">
            {describe(step, at, steps.length)}
          </p>
          <div className="grid gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            <div className="space-y-2">
              <CodeListing code={code} current={step.done ? undefined : step.line} label={`Program, ${step.done ? "finished" : `line ${step.line} runs next`}`} />
              <div>
                <h4 className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Output so far</h4>
                <pre data-testid="stepper-stdout" className="mt-1 min-h-8 overflow-x-auto rounded-md bg-zinc-900 p-2 font-mono text-xs text-zinc-50 dark:bg-black">
                  {step.stdout}
                </pre>
              </div>
            </div>
            <MemoryDiagram step={step} />
          </div>
          <Legend />
        </>
      ) : null}
    </section>
  );
}

const btn =
  "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";

function describe(step: StepperStep, at: number, total: number): string {
  const where = step.done ? "the program has finished" : `line ${step.line} runs next`;
  const names = step.frames.flatMap((f) => f.locals.map((l) => `${l.name} in ${f.name}`)).join(", ");
  const freed = step.freed.length ? ` Freed: ${step.freed.map((o) => `${o.type} ${o.preview}`).join(", ")}.` : "";
  return `Step ${at + 1} of ${total}: ${where}. Names: ${names || "none"}.${freed}`;
}

function MemoryDiagram({ step }: { step: StepperStep }) {
  const box = useRef<HTMLDivElement>(null);
  const [arrows, setArrows] = useState<Arrow[]>([]);

  // Arrows are drawn from measured positions, so they follow the layout on any screen width.
  useLayoutEffect(() => {
    const root = box.current;
    if (!root) return;
    const measure = () => {
      const origin = root.getBoundingClientRect();
      const find = (sel: string) => root.querySelector<HTMLElement>(sel)?.getBoundingClientRect() ?? null;
      const out: Arrow[] = [];
      step.frames.forEach((f, fi) =>
        f.locals.forEach((l) => {
          const from = find(`[data-anchor="name-${fi}-${l.name}"]`);
          const to = find(`[data-anchor="obj-${l.objectId}"]`);
          if (!from || !to) return;
          out.push({ key: `${fi}-${l.name}`, d: curve(from.right - origin.left, from.top + from.height / 2 - origin.top, to.left - origin.left, to.top + Math.min(14, to.height / 2) - origin.top) });
        }),
      );
      // Container-to-container references loop round the heap's right edge, so a cycle is seen
      // as a cycle; references to ints and strings stay in the "refers to" line to avoid clutter.
      const containers = new Set(step.objects.filter((o) => o.generation !== null).map((o) => o.id));
      for (const o of step.objects) {
        for (const r of new Set(o.refs)) {
          if (!containers.has(r) || r === o.id) continue;
          const from = find(`[data-anchor="obj-${o.id}"]`);
          const to = find(`[data-anchor="obj-${r}"]`);
          if (!from || !to) continue;
          const x1 = from.right - origin.left;
          const x2 = to.right - origin.left;
          const y1 = from.top + from.height / 2 - origin.top;
          const y2 = to.top + Math.min(14, to.height / 2) - origin.top;
          const bulge = Math.max(x1, x2) + 18 + Math.min(40, Math.abs(y2 - y1) / 4);
          out.push({ key: `ref-${o.id}-${r}`, d: `M${x1},${y1} C${bulge},${y1} ${bulge},${y2} ${x2 + 2},${y2}`, weak: true });
        }
      }
      setArrows(out);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(root);
    return () => ro.disconnect();
  }, [step]);

  const byId = new Map(step.objects.map((o) => [o.id, o]));
  return (
    <div ref={box} className="relative grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-x-8 gap-y-2 pr-8">
      <svg aria-hidden className="pointer-events-none absolute inset-0 h-full w-full overflow-visible text-brand-600 dark:text-brand-300">
        <defs>
          <marker id="hw-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
          </marker>
        </defs>
        {arrows.map((a) => (
          <path key={a.key} d={a.d} fill="none" stroke="currentColor" strokeWidth="1.5" strokeDasharray={a.weak ? "4 3" : undefined} markerEnd="url(#hw-arrow)" />
        ))}
      </svg>
      <div>
        <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Frames</h4>
        <ol className="space-y-2" aria-label="Frames (stack)">
          {step.frames.map((f, fi) => (
            <li key={fi} data-testid="frame" className="rounded-md border border-zinc-300 bg-white p-2 dark:border-zinc-700 dark:bg-zinc-950">
              <div className="mb-1 font-mono text-xs font-semibold text-zinc-700 dark:text-zinc-300">{f.name}</div>
              {f.locals.length === 0 ? <div className="text-xs text-zinc-500 dark:text-zinc-400">no names</div> : null}
              <ul className="space-y-1">
                {f.locals.map((l) => {
                  const o = byId.get(l.objectId);
                  return (
                    <li key={l.name} className="flex items-center justify-between gap-2 font-mono text-sm">
                      <span>{l.name}</span>
                      <span data-anchor={`name-${fi}-${l.name}`} className="size-2 rounded-full bg-brand-600 dark:bg-brand-300" />
                      <span className="sr-only">refers to {o ? `${o.type} ${o.preview}` : `object ${l.objectId}`}</span>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ol>
      </div>
      <div>
        <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Heap</h4>
        <ul className="space-y-2" aria-label="Heap objects">
          {step.objects.map((o) => (
            <ObjectBox key={o.id} o={o} byId={byId} />
          ))}
          {step.freed.map((o) => (
            <ObjectBox key={`freed-${o.id}`} o={o} byId={byId} freed />
          ))}
        </ul>
      </div>
    </div>
  );
}

function curve(x1: number, y1: number, x2: number, y2: number): string {
  const dx = Math.max(24, Math.abs(x2 - x1) / 2);
  return `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2 - 2},${y2}`;
}

function ObjectBox({ o, byId, freed = false }: { o: StepObject; byId: Map<number, StepObject>; freed?: boolean }) {
  const refs = o.refs.map((r) => byId.get(r)).filter((r): r is StepObject => !!r);
  return (
    <li
      data-testid={freed ? "freed-object" : o.unreachable ? "unreachable-object" : "heap-object"}
      data-object-id={o.id}
      data-anchor={freed ? undefined : `obj-${o.id}`}
      className={`rounded-md border px-2 py-1.5 text-sm ${
        freed
          ? "scale-[0.97] border-dashed border-zinc-400 bg-transparent text-zinc-700 opacity-80 transition-[opacity,scale] duration-700 starting:scale-100 starting:opacity-100 dark:text-zinc-300"
          : o.unreachable
            ? "border-dashed border-red-400 bg-red-50/50 dark:border-red-700 dark:bg-red-950/30"
            : "border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-950"
      }`}
    >
      <div className="flex flex-wrap items-center gap-1">
        <span className="mr-1 font-mono text-xs text-zinc-600 dark:text-zinc-400">{o.type}</span>
        <span className={`mr-1 font-mono ${freed ? "line-through" : ""}`}>{o.preview}</span>
        {freed ? (
          <Badge tone="red">freed</Badge>
        ) : o.refcount === null ? (
          <Badge tone="zinc" testid="refcount">
            refcount <span aria-hidden>–</span>
            <span className="sr-only">not modelled for this object</span>
          </Badge>
        ) : (
          <Badge tone="blue" testid={o.unreachable ? "refcount-unreachable" : "refcount"} value={o.refcount}>
            refcount {o.refcount}
          </Badge>
        )}
        {!freed && o.unreachable ? <Badge tone="red">unreachable</Badge> : null}
        {!freed && o.generation !== null ? <Badge tone="green">gen {o.generation}</Badge> : null}
        {o.interned ? <Badge tone="violet">interned</Badge> : null}
        {o.immortal ? <Badge tone="amber">immortal</Badge> : null}
      </div>
      {refs.length > 0 && !freed ? (
        <div className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          refers to: {refs.map((r) => r.preview).join(", ")}
        </div>
      ) : null}
    </li>
  );
}

const TONES = {
  blue: "bg-blue-100 text-blue-900 dark:bg-blue-900/60 dark:text-blue-50",
  green: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-50",
  violet: "bg-violet-100 text-violet-900 dark:bg-violet-900/60 dark:text-violet-50",
  amber: "bg-amber-100 text-amber-950 dark:bg-amber-900/60 dark:text-amber-50",
  red: "bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-50",
  zinc: "bg-zinc-200 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100",
} as const;

function Badge({ tone, children, testid, value }: { tone: keyof typeof TONES; children: React.ReactNode; testid?: string; value?: number }) {
  return (
    <span data-testid={testid} data-value={value} className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>
      {children}
    </span>
  );
}

function Legend() {
  return (
    <details className="mt-3 text-xs text-zinc-700 dark:text-zinc-300">
      <summary className="cursor-pointer font-medium">What the marks mean</summary>
      <ul className="mt-2 grid gap-1 sm:grid-cols-2">
        <li><Badge tone="blue">refcount 2</Badge> what <code className="font-mono">sys.getrefcount(obj) - 1</code> reports at this step</li>
        <li><Badge tone="zinc">refcount –</Badge> not modelled: depends on interpreter start-up</li>
        <li><Badge tone="green">gen 0</Badge> tracked by the cycle collector, in this generation</li>
        <li><Badge tone="violet">interned</Badge> the one shared copy of this string</li>
        <li><Badge tone="amber">immortal</Badge> never freed; its count never changes (3.12+)</li>
        <li><Badge tone="red">unreachable</Badge> no name reaches it, but a cycle keeps it alive</li>
        <li><Badge tone="red">freed</Badge> released by the statement that just ran</li>
        <li>solid arrow: a name&apos;s reference; dashed arrow: one object referring to another</li>
      </ul>
    </details>
  );
}
