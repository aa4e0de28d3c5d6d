// The answer key of a variant, computed by running its code on the simulator (never typed by an
// author, except for concept questions). A variant the simulator cannot run faithfully (an
// unsupported construct, a blown budget, an internal fault, an unexpected exception) yields a
// typed NotGradable instead of a key: such a variant must never be graded.
//
// The key also carries "alternatives": keys of the same code under a changed belief (assignment
// copies, another Python version, ...). Grading stays a pure function of (answer, key), and a
// wrong answer equal to an alternative names its misconception (lib/grading/misconceptions.ts).
import type { PythonVersion } from "@/lib/questions/mechanisms";
import type { QuestionDefinition } from "@/lib/questions/schema";
import { markerLines, type Variant } from "@/lib/questions/variant";
import { COUNTERFACTUALS } from "./counterfactuals";
import { EXIT, type SimRunResult, type Simulator, type TraceStep } from "./simulator";

export type KeyAnswer =
  | { kind: "integer"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "output"; value: string }
  | { kind: "freed"; value: Record<string, boolean> }
  | { kind: "race"; value: number[] }
  | { kind: "choice"; value: number }
  | { kind: "multi"; value: number[] }
  /** name -> object id (null: unbound at the mark); grading compares which names share. */
  | { kind: "diagram"; value: Record<string, number | null> };

/** Facts about freed targets that misconception rules need: was the name deleted, is it in a cycle. */
export interface TargetFacts {
  deleted: boolean;
  inCycle: boolean;
}

export interface KeyMoment {
  line: number;
  source: string;
  why: string;
  frames: { name: string; locals: { name: string; objectId: number }[] }[];
  objects: { id: number; type: string; preview: string; refcount: number | null }[];
  freed: number[];
  /** Races: an interleaving that reaches the smallest final value (the most updates lost). */
  schedule?: { value: number; steps: string[] };
}

export interface Key {
  python: PythonVersion;
  mode: "script" | "repl";
  answer: KeyAnswer;
  moment?: KeyMoment;
  targetFacts?: Record<string, TargetFacts>;
  alternatives: { misconception: string; detail: string; answer: KeyAnswer }[];
}

export type NotGradableCode = "unsupported" | "budget" | "internal" | "exception" | "bad-output" | "version" | "template";
export interface NotGradable {
  code: NotGradableCode;
  message: string;
}
export type KeyResult = { ok: true; key: Key } | { ok: false; error: NotGradable };

const fail = (code: NotGradableCode, message: string): KeyResult => ({ ok: false, error: { code, message } });

/** Exit status of a run, mapped to "why this variant cannot be graded" (null: fine). */
export function runProblem(definition: QuestionDefinition, r: SimRunResult): NotGradable | null {
  switch (r.exitCode) {
    case EXIT.ok:
      return definition.expectsException ? { code: "exception", message: "the template expects an exception but the code ran to the end" } : null;
    case EXIT.exception:
      return definition.expectsException ? null : { code: "exception", message: `the code raised: ${r.stderr.trim()}` };
    case EXIT.unsupported:
      return { code: "unsupported", message: `the simulator does not support this code: ${r.stderr.trim()}` };
    case EXIT.budget:
      return { code: "budget", message: `the simulator's step or object budget ran out: ${r.stderr.trim()}` };
    default:
      return { code: "internal", message: `simulator fault (exit ${r.exitCode}): ${r.stderr.trim()}` };
  }
}

function stdoutLines(stdout: string): string[] {
  const lines = stdout.replace(/\r\n/g, "\n").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

function lineAt(stdout: string, index: number): { text: string; index: number } | null {
  const lines = stdoutLines(stdout);
  const i = index < 0 ? lines.length + index : index;
  return i >= 0 && i < lines.length ? { text: lines[i].trim(), index: i } : null;
}

/** The whole program output as graded: the traceback's last line is part of it when expected. */
export function outputOf(definition: QuestionDefinition, r: SimRunResult): string {
  const out = stdoutLines(r.stdout);
  if (definition.expectsException && r.stderr.trim()) out.push(r.stderr.trim().split("\n").at(-1) ?? "");
  return out.join("\n");
}

/** The key of a stdout-based kind, from one run; shared with the real-CPython check in tests. */
export function keyFromRun(definition: QuestionDefinition, r: SimRunResult): { answer: KeyAnswer; line?: number } | NotGradable {
  const a = definition.answer;
  if (a.kind === "output") return { answer: { kind: "output", value: outputOf(definition, r) } };
  if (a.kind !== "integer" && a.kind !== "boolean") return { code: "template", message: `${a.kind} keys are not read from stdout` };
  const at = lineAt(r.stdout, a.line);
  if (!at) return { code: "bad-output", message: `stdout has no line ${a.line}` };
  if (a.kind === "integer") {
    if (!/^-?\d+$/.test(at.text)) return { code: "bad-output", message: `stdout line ${a.line} is not an integer: ${JSON.stringify(at.text)}` };
    return { answer: { kind: "integer", value: Number(at.text) }, line: at.index };
  }
  if (at.text !== "True" && at.text !== "False") return { code: "bad-output", message: `stdout line ${a.line} is not True/False: ${JSON.stringify(at.text)}` };
  return { answer: { kind: "boolean", value: at.text === "True" }, line: at.index };
}

function isNotGradable(x: object): x is NotGradable {
  return "code" in x && "message" in x;
}

/**
 * The step holding the state just after the last execution of `line`. Steps are recorded before
 * their statement runs, so that is the next step back in the same frame (or a shallower one):
 * when the line calls a function, the steps inside the call come first. The program's end (the
 * last step) if nothing follows.
 */
function stepAfterLine(trace: readonly TraceStep[], line: number): number {
  for (let i = trace.length - 1; i >= 0; i--) {
    if (trace[i].line !== line) continue;
    const depth = trace[i].frames.length;
    for (let j = i + 1; j < trace.length; j++) if (trace[j].frames.length <= depth) return j;
    return trace.length - 1;
  }
  return -1;
}

function binding(step: TraceStep, frame: string, name: string): number | null {
  for (let f = step.frames.length - 1; f >= 0; f--) {
    if (step.frames[f].name !== frame) continue;
    const local = step.frames[f].locals.find((l) => l.name === name);
    return local ? local.objectId : null;
  }
  return null;
}

/** The object ids a trace object refers to; `refs` may list ids or {objectId}/{id} records. */
function refIds(refs: readonly unknown[] | undefined): number[] {
  const out: number[] = [];
  for (const r of refs ?? []) {
    if (typeof r === "number") out.push(r);
    else if (r && typeof r === "object") {
      const v = "objectId" in r ? r.objectId : "id" in r ? r.id : "target" in r ? r.target : undefined;
      if (typeof v === "number") out.push(v);
    }
  }
  return out;
}

/**
 * Is `id` on a cycle of strong references? Steps list only objects reachable from the frames, so
 * an unreachable cycle is missing from the last step: use each object's last recorded referents.
 */
function inCycle(trace: readonly TraceStep[], id: number): boolean {
  const refs = new Map<number, number[]>();
  for (const step of trace) for (const o of step.objects) refs.set(o.id, refIds(o.refs));
  const seen = new Set<number>();
  const stack = [...(refs.get(id) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as number;
    if (next === id) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(refs.get(next) ?? []));
  }
  return false;
}

/**
 * The state of step `index`, shown as the moment just after `line` ran (default: the step's own
 * line, i.e. just before it runs).
 */
function moment(trace: readonly TraceStep[], index: number, code: string, why: string, line?: number): KeyMoment | undefined {
  const step = trace[index];
  if (!step) return undefined;
  const shownLine = line ?? step.line;
  const frames = step.frames.map((f) => ({ name: f.name, locals: f.locals.map((l) => ({ name: l.name, objectId: l.objectId })) }));
  const shown = new Set<number>([...frames.flatMap((f) => f.locals.map((l) => l.objectId)), ...step.freed]);
  const objects = step.objects.filter((o) => shown.has(o.id)).map((o) => ({ id: o.id, type: o.type, preview: o.preview, refcount: o.refcount }));
  return { line: shownLine, source: code.split("\n")[shownLine - 1]?.trim() ?? "", why, frames, objects, freed: [...step.freed] };
}

/** The step of the statement that printed stdout line `lineIndex`: the one just before the output first holds it. */
function printStep(trace: readonly TraceStep[], lineIndex: number): number {
  for (let i = 0; i < trace.length; i++) if (stdoutLines(trace[i].stdout).length > lineIndex) return Math.max(0, i - 1);
  return trace.length - 1;
}

/** keyOf, with a simulator that throws (against its contract) turned into "internal": grading never crashes on it. */
function safeKeyOf(...args: Parameters<typeof keyOf>): ReturnType<typeof keyOf> {
  try {
    return keyOf(...args);
  } catch (error) {
    return { code: "internal", message: `the simulator threw: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The key of one run, without alternatives. */
function keyOf(definition: QuestionDefinition, code: string, python: PythonVersion, mode: "script" | "repl", sim: Simulator): { key: Key; trace?: readonly TraceStep[] } | NotGradable {
  const a = definition.answer;
  if (a.kind === "choice") return { key: { python, mode, answer: { kind: "choice", value: a.correct }, alternatives: [] } };
  if (a.kind === "multi") return { key: { python, mode, answer: { kind: "multi", value: [...a.correct].sort((x, y) => x - y) }, alternatives: [] } };
  if (a.kind === "race") {
    if (!sim.enumerateRace) return { code: "unsupported", message: "this simulator cannot enumerate thread schedules" };
    const race = sim.enumerateRace(code, { python, mode });
    if (race.error) return { code: "unsupported", message: `the simulator does not model this race: ${race.error}` };
    const values = [...new Set(race.finalValues)].sort((x, y) => x - y);
    if (values.length === 0) return { code: "internal", message: "the race enumeration found no final value" };
    const worst = race.schedules?.find((x) => x.value === values[0]);
    const lines = code.split("\n");
    const printLine = lines.findLastIndex((l) => /^\s*print\(/.test(l)) + 1;
    const moment: KeyMoment | undefined = worst && {
      line: printLine,
      source: lines[printLine - 1]?.trim() ?? "",
      why: values.length > 1 ? "a schedule that loses updates" : "every schedule gives this value",
      frames: [],
      objects: [],
      freed: [],
      schedule: { value: worst.value, steps: [...worst.steps] },
    };
    return { key: { python, mode, answer: { kind: "race", value: values }, ...(moment ? { moment } : {}), alternatives: [] } };
  }
  const r = sim.run(code, { python, mode, trace: true });
  const problem = runProblem(definition, r);
  if (problem) return problem;
  const trace = r.trace;
  if (a.kind === "integer" || a.kind === "boolean" || a.kind === "output") {
    const k = keyFromRun(definition, r);
    if (isNotGradable(k)) return k;
    const at = trace && trace.length > 0 ? (k.line === undefined ? trace.length - 1 : printStep(trace, k.line)) : -1;
    const m = trace ? moment(trace, at, code, k.line === undefined ? "the end of the program" : "the print whose value you predicted") : undefined;
    return { key: { python, mode, answer: k.answer, moment: m, alternatives: [] }, trace };
  }
  if (!trace || trace.length === 0) return { code: "internal", message: "the simulator returned no trace" };
  const marks = markerLines(code);
  if (a.kind === "diagram") {
    const line = marks.get(a.at);
    const i = line === undefined ? -1 : stepAfterLine(trace, line);
    if (i < 0) return { code: "template", message: `the marked line (${a.at}) never ran` };
    const value: Record<string, number | null> = {};
    for (const n of a.names) value[n] = binding(trace[i], a.frame, n);
    if (Object.values(value).every((v) => v === null)) return { code: "template", message: `no name of the diagram is bound at (${a.at})` };
    return { key: { python, mode, answer: { kind: "diagram", value }, moment: moment(trace, i, code, `just after the line marked (${a.at})`, line), alternatives: [] }, trace };
  }
  // freed: the object bound at the mark, then freed at that step or any later one?
  const value: Record<string, boolean> = {};
  const facts: Record<string, TargetFacts> = {};
  let firstFreedStep = -1;
  for (const t of a.targets) {
    const line = marks.get(t.at);
    const i = line === undefined ? -1 : stepAfterLine(trace, line);
    if (i < 0) return { code: "template", message: `the marked line (${t.at}) never ran` };
    const id = binding(trace[i], t.frame, t.name);
    if (id === null) return { code: "template", message: `${t.name} is not bound in ${t.frame} at (${t.at})` };
    // freed lists what went since the previous step, so a step after the mark can name it.
    const j = trace.findIndex((s, k) => k >= i && s.freed.includes(id));
    value[t.id] = j >= 0;
    if (j >= 0 && (firstFreedStep < 0 || j < firstFreedStep)) firstFreedStep = j;
    const deleted = /^\s*del\b/m.test(code) && new RegExp(`^\\s*del\\b[^\\n#]*\\b${t.name}\\b`, "m").test(code);
    facts[t.id] = { deleted, inCycle: j < 0 && inCycle(trace, id) };
  }
  // A step lists what was freed since the previous one: the statement that freed it is the previous step's.
  const at = firstFreedStep >= 0 ? firstFreedStep : trace.length - 1;
  const why = firstFreedStep >= 0 ? "just after the statement that freed an object you were asked about" : "the end of the program";
  const freedBy = firstFreedStep > 0 ? trace[firstFreedStep - 1].line : undefined;
  return { key: { python, mode, answer: { kind: "freed", value }, moment: moment(trace, at, code, why, freedBy), targetFacts: facts, alternatives: [] }, trace };
}

export function sameAnswer(a: KeyAnswer, b: KeyAnswer): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Computes the key of `variant` under `python` with `sim`. Alternatives are computed on a best
 * effort basis: a counterfactual the simulator cannot run simply contributes nothing.
 */
export function computeKeyWith(sim: Simulator, definition: QuestionDefinition, variant: Variant, python: PythonVersion): KeyResult {
  if (definition.pythonVersions && !definition.pythonVersions.includes(python)) {
    return fail("version", `this question is about Python ${definition.pythonVersions.join(", ")}, not ${python}`);
  }
  const base = safeKeyOf(definition, variant.code, python, definition.mode, sim);
  if (isNotGradable(base)) return { ok: false, error: base };
  const key = base.key;
  if (definition.answer.kind === "choice" || definition.answer.kind === "multi") return { ok: true, key };
  const wanted = definition.misconceptions ? new Set(definition.misconceptions) : null;
  for (const cf of COUNTERFACTUALS) {
    if (wanted && !wanted.has(cf.misconception)) continue;
    for (const change of cf.apply(definition, variant.code, python, definition.mode)) {
      const alt = safeKeyOf(definition, change.code, change.python ?? python, change.mode ?? definition.mode, sim);
      if (isNotGradable(alt) || sameAnswer(alt.key.answer, key.answer)) continue;
      key.alternatives.push({ misconception: cf.misconception, detail: change.detail, answer: alt.key.answer });
    }
  }
  return { ok: true, key };
}

