// What the editor asks the simulator: a preview of a few variants (student view, key, trace),
// "check 100 variants" (gradability, triviality and the spread of keys), and the version table
// (one variant's key on every Python version, with the reasons where they differ).
//
// Every run here is on a draft nobody has vetted, inside the web server's process, so every run
// is bounded twice: a tight step/object budget per run (a trace of a runaway loop costs seconds
// at the simulator's default budget, ~0.1 s at this one) and a wall-clock deadline per request.
// Bank templates are a few dozen steps, far inside it.

import { PROFILES, type Profile } from "@/lib/sim/versions";
import { primaryVersion } from "@/lib/grading/check";
import { trivialityProblem } from "@/lib/grading/nontrivial";
import { toStudentView, type StudentView } from "@/lib/grading/student-view";
import { computeKeyWith, type KeyAnswer, type NotGradable } from "@/lib/grading/key";
import type { Simulator } from "@/lib/grading/simulator";
import { type StepperRun, toStepperRun } from "@/lib/lessons/trace";
import { PYTHON_VERSIONS, type PythonVersion } from "@/lib/questions/mechanisms";
import type { QuestionDefinition } from "@/lib/questions/schema";
import { makeVariant, render, type Variant } from "@/lib/questions/variant";
import * as sim from "@/lib/sim/index";

export const AUTHORING_BUDGET = { maxSteps: 10_000, maxObjects: 1_000 } as const;

/** The simulator with the authoring budget forced on every run, whatever the caller asks. */
export const boundedSimulator: Simulator = {
  run: (source, options = {}) => sim.run(source, { ...options, ...AUTHORING_BUDGET }),
  enumerateRace: (source, options = {}) => sim.enumerateRace(source, { ...options, ...AUTHORING_BUDGET }),
};

/** The options of a concept question in the definition's order (the key's indices), rendered. */
function optionTexts(definition: QuestionDefinition, variant: Variant): string[] | undefined {
  const a = definition.answer;
  return a.kind === "choice" || a.kind === "multi" ? a.options.map((o) => render(o, variant.params)) : undefined;
}

/**
 * A key as the editor shows it: the answer in the words a student would type. Concept keys are
 * indices into the definition's options (students see them shuffled), so they are shown as text.
 */
export function describeAnswer(a: KeyAnswer, options?: string[]): string {
  switch (a.kind) {
    case "choice":
      return options?.[a.value] ?? String(a.value);
    case "multi":
      return options ? `{${a.value.map((i) => options[i] ?? String(i)).join("; ")}}` : `{${a.value.join(", ")}}`;
    case "integer":
      return String(a.value);
    case "boolean":
      return a.value ? "True" : "False";
    case "output":
      return a.value;
    case "race":
      return `{${a.value.join(", ")}}`;
    case "freed":
      return Object.entries(a.value)
        .map(([id, freed]) => `${id}: ${freed ? "freed" : "alive"}`)
        .join(", ");
    case "diagram": {
      // Names sharing an object are grouped: that is all a diagram answer says.
      const groups = new Map<string, string[]>();
      for (const [name, id] of Object.entries(a.value)) {
        const k = id === null ? "unbound" : `#${id}`;
        groups.set(k, [...(groups.get(k) ?? []), name]);
      }
      return [...groups.entries()].map(([k, names]) => (k === "unbound" ? `${names.join(", ")} unbound` : `{${names.join(", ")}}`)).join(" ");
    }
  }
}

/** Counterfactual runs only serve feedback; previews and checks judge the template without them. */
const bare = (d: QuestionDefinition): QuestionDefinition => ({ ...d, misconceptions: [] });

export interface PreviewVariant {
  seed: number;
  params: Variant["params"];
  view: StudentView;
  key: string | null;
  error: NotGradable | null;
  /** The misconceptions whose counterfactual key differs (what feedback can name). */
  alternatives: { misconception: string; answer: string }[];
  /** The step trace on the primary version, for the read-only memory stepper. */
  run: StepperRun;
}

export interface Preview {
  python: PythonVersion;
  variants: PreviewVariant[];
}

export function previewVariants(definition: QuestionDefinition, seeds: number[]): Preview {
  const python = primaryVersion(definition);
  const variants = seeds.map((seed): PreviewVariant => {
    const variant = makeVariant(definition, seed);
    const r = computeKeyWith(boundedSimulator, definition, variant, python);
    const needsCode = definition.code.trim() !== "";
    const trace = needsCode ? toStepperRun(python, boundedSimulator.run(variant.code, { python, mode: definition.mode, trace: true })) : { python, ok: false as const, error: "A concept question has no code to trace." };
    return {
      seed,
      params: variant.params,
      view: toStudentView(definition, variant),
      key: r.ok ? describeAnswer(r.key.answer, optionTexts(definition, variant)) : null,
      error: r.ok ? null : r.error,
      alternatives: r.ok ? r.key.alternatives.map((a) => ({ misconception: a.misconception, answer: describeAnswer(a.answer) })) : [],
      run: trace,
    };
  });
  return { python, variants };
}

export interface CheckReport {
  python: PythonVersion;
  /** Seeds asked for, and how many were simulated before the deadline. */
  seeds: number;
  simulated: number;
  gradable: number;
  /** Not-gradable seeds by reason (unsupported, budget, exception, ...). */
  problems: { code: NotGradable["code"]; count: number; seeds: number[]; message: string }[];
  /** Why the keys make a trivial question (lib/grading/nontrivial.ts), or null. */
  trivial: string | null;
  /** Distinct keys, most frequent first. */
  spread: { answer: string; count: number; seeds: number[] }[];
  stoppedEarly: string | null;
  ms: number;
}

/**
 * Simulates seeds 0..n-1 on the primary version and reports what an author must know. Yields to
 * the event loop after every seed, so a long check is many short slices (each at most one
 * bounded run) between which the server answers everyone else.
 */
export async function checkVariants(definition: QuestionDefinition, options: { seeds?: number; deadlineMs?: number } = {}): Promise<CheckReport> {
  const seeds = options.seeds ?? 100;
  // It runs on the server's event loop: a few seconds at most, so nobody else's request waits long.
  const deadline = options.deadlineMs ?? 5_000;
  const python = primaryVersion(definition);
  const started = performance.now();
  const problems = new Map<string, CheckReport["problems"][number]>();
  const spread = new Map<string, CheckReport["spread"][number]>();
  const variants: Variant[] = [];
  const keys: KeyAnswer[] = [];
  let stoppedEarly: string | null = null;
  let simulated = 0;
  const d = bare(definition);
  for (let seed = 0; seed < seeds; seed++) {
    if (performance.now() - started > deadline) {
      stoppedEarly = `stopped after ${simulated} seeds: the check's time limit (${deadline / 1000} s) ran out`;
      break;
    }
    if (seed > 0) await new Promise((resolve) => setImmediate(resolve));
    const variant = makeVariant(d, seed);
    const r = computeKeyWith(boundedSimulator, d, variant, python);
    simulated++;
    if (!r.ok) {
      const p = problems.get(r.error.code) ?? { code: r.error.code, count: 0, seeds: [], message: r.error.message };
      p.count++;
      if (p.seeds.length < 10) p.seeds.push(seed);
      problems.set(r.error.code, p);
      // A runaway template blows the budget on every seed; five in a row say enough.
      if (seed === 4 && p.code === "budget" && p.count === 5) {
        stoppedEarly = "stopped after 5 seeds: every one ran out of the simulator's budget";
        break;
      }
      continue;
    }
    variants.push(variant);
    keys.push(r.key.answer);
    const text = describeAnswer(r.key.answer, optionTexts(d, variant));
    const s = spread.get(text) ?? { answer: text, count: 0, seeds: [] };
    s.count++;
    if (s.seeds.length < 5) s.seeds.push(seed);
    spread.set(text, s);
  }
  // Triviality needs enough seeds to see variety, as in checkTemplate.
  const trivial = keys.length >= 20 || (keys.length > 0 && keys.length === simulated && simulated === seeds) ? trivialityProblem(d, variants, keys) : null;
  return {
    python,
    seeds,
    simulated,
    gradable: keys.length,
    problems: [...problems.values()].sort((a, b) => b.count - a.count),
    trivial,
    spread: [...spread.values()].sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer)),
    stoppedEarly,
    ms: Math.round(performance.now() - started),
  };
}

// Profile fields that change answers, in words an instructor can act on. Which ones apply is
// read from lib/sim's version profiles, so the warning says what the simulator itself changed.
const WHY: { [K in keyof Profile]?: (from: Profile, to: Profile) => string } = {
  callerKeepsArgs: (_f, t) => (t.callerKeepsArgs ? "" : `${t.version}: refcounts inside a call changed (the caller's stack no longer keeps its own reference to each argument)`),
  immortalRefcount: (f, t) =>
    f.immortalRefcount === null
      ? `${t.version}: small ints, None, True, False and other singletons are immortal (PEP 683): getrefcount reports ${t.immortalRefcount}`
      : `${t.version}: the refcount reported for immortal objects is ${t.immortalRefcount} (was ${f.immortalRefcount})`,
  internedImmortal: (_f, t) => (t.internedImmortal ? `${t.version}: interned strings are immortal` : `${t.version}: interned strings are mortal again`),
  borrowedLocalLoads: (_f, t) => (t.borrowedLocalLoads ? `${t.version}: loading a local is a borrowed reference (LOAD_FAST_BORROW), so getrefcount reports one less` : ""),
  arenaHoldsConstants: (_f, t) => `${t.version}: ${t.arenaHoldsConstants ? "" : "no longer "}the compiler keeps a reference to each constant while a script runs`,
  instanceDictCounted: (_f, t) => `${t.version}: an instance's __dict__ is ${t.instanceDictCounted ? "" : "no longer "}a separate object the collector counts`,
  charConstIsCached: (_f, t) => `${t.version}: a one-character str constant is ${t.charConstIsCached ? "" : "not "}the runtime's cached character`,
  materializedDictTracked: (_f, t) => `${t.version}: a materialized instance __dict__ is ${t.materializedDictTracked ? "" : "not "}tracked separately by the collector`,
  atomicTuplesUntracked: (_f, t) => (t.atomicTuplesUntracked ? `${t.version}: tuples built at run time from atomic items start untracked by the collector` : ""),
  threshold: (f, t) => `${t.version}: gc.get_threshold() starts at ${t.threshold.join(", ")} (was ${f.threshold.join(", ")})`,
  inlinedComprehensions: (_f, t) => (t.inlinedComprehensions ? `${t.version}: comprehensions are inlined (PEP 709): no frame of their own` : ""),
  dictsAlwaysTracked: (_f, t) => (t.dictsAlwaysTracked ? `${t.version}: empty dicts are tracked by the collector` : ""),
  instanceSize: (f, t) => `${t.version}: sys.getsizeof of an instance is ${t.instanceSize} (was ${f.instanceSize})`,
  size: () => "",
};

/** Why `to` may answer differently from `from`: the profile changes between them, in words. */
export function versionChanges(from: PythonVersion, to: PythonVersion): string[] {
  const f = PROFILES[from];
  const t = PROFILES[to];
  const out: string[] = [];
  for (const key of Object.keys(WHY) as (keyof Profile)[]) {
    if (JSON.stringify(f[key]) === JSON.stringify(t[key])) continue;
    const why = WHY[key]?.(f, t);
    if (why) out.push(why);
  }
  if (JSON.stringify(f.size) !== JSON.stringify(t.size)) out.push(`${to}: sys.getsizeof of built-in objects changed`);
  return out;
}

export interface VersionRow {
  python: PythonVersion;
  /** The template lists pythonVersions and this is not one: students are never graded on it. */
  offered: boolean;
  key: string | null;
  error: NotGradable | null;
  /** Set when this version's key differs from the previous version's. */
  differs: boolean;
  reasons: string[];
}

/** One variant's key on every version, with a warning and the likely reasons where it changes. */
export function versionTable(definition: QuestionDefinition, seed: number): VersionRow[] {
  // Computed on every version, even ones the template excludes: seeing why is the point.
  const d = { ...bare(definition), pythonVersions: undefined };
  const variant = makeVariant(d, seed);
  const rows: VersionRow[] = [];
  for (const python of PYTHON_VERSIONS) {
    const r = computeKeyWith(boundedSimulator, d, variant, python);
    const key = r.ok ? describeAnswer(r.key.answer, optionTexts(d, variant)) : null;
    const prev = rows.at(-1);
    const differs = prev !== undefined && (prev.key !== key || (prev.error?.code ?? null) !== (r.ok ? null : r.error.code));
    rows.push({
      python,
      offered: !definition.pythonVersions || definition.pythonVersions.includes(python),
      key,
      error: r.ok ? null : r.error,
      differs,
      reasons: differs && prev ? versionChanges(prev.python, python) : [],
    });
  }
  return rows;
}
