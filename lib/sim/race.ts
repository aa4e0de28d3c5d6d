// Item 4: races on a shared counter. For threads whose target does `counter += c` (optionally in a
// `for _ in range(n)` loop, optionally inside `with lock:`), each unlocked increment is the three
// bytecode-level steps CPython runs for it (LOAD_GLOBAL, BINARY_OP +, STORE_GLOBAL) and a thread
// switch may fall between any two of them. We enumerate every interleaving by a memoised search
// over (program counters, registers, shared value) and return each reachable final value with
// one schedule that produces it. Under a lock an increment is atomic, so only the total remains.

import type { Expr, Stmt, StmtOf } from "./ast";
import { parse } from "./parser";
import { PySyntaxError, Unsupported } from "./tokenizer";

export interface RaceResult {
  finalValues: number[];
  schedules: { value: number; steps: string[] }[];
  /** Set when the program is not a counter race we model (finalValues is then empty). */
  error?: string;
}

interface ThreadSpec { increments: number; step: number; locked: boolean }

const MAX_STATES = 100_000;
const MAX_STEPS = 600;

function constInt(e: Expr | null | undefined): number | null {
  if (e && e.type === "Constant" && e.value.kind === "int") return Number(e.value.v);
  return null;
}

function isThreadCall(e: Expr): e is Extract<Expr, { type: "Call" }> {
  return e.type === "Call" && ((e.func.type === "Attribute" && e.func.attr === "Thread") || (e.func.type === "Name" && e.func.id === "Thread"));
}

/** Find the counter increment in a target function: returns increments per call and the lock use. */
function analyzeTarget(fn: StmtOf<"FunctionDef">, args: Expr[], counter: { name: string | null }): ThreadSpec {
  const param = (name: string): number | null => {
    const i = fn.args.args.indexOf(name);
    if (i >= 0 && i < args.length) return constInt(args[i]);
    const d = fn.args.defaults[i - (fn.args.args.length - fn.args.defaults.length)];
    return i >= 0 ? constInt(d) : null;
  };
  let found: ThreadSpec | null = null;
  const visit = (body: Stmt[], times: number, locked: boolean): void => {
    for (const s of body) {
      if (s.type === "Global" || s.type === "Pass") continue;
      if (s.type === "AugAssign" && s.op === "Add" && s.target.type === "Name") {
        const c = constInt(s.value);
        if (c === null) throw new Unsupported("increment by a non-constant", s.lineno);
        if (counter.name && counter.name !== s.target.id) throw new Unsupported("two shared counters", s.lineno);
        counter.name = s.target.id;
        if (found) throw new Unsupported("several increments in one thread", s.lineno);
        found = { increments: times, step: c, locked };
        continue;
      }
      if (s.type === "For" && s.iter.type === "Call" && s.iter.func.type === "Name" && s.iter.func.id === "range" && s.iter.args.length === 1) {
        const a = s.iter.args[0];
        const n = constInt(a) ?? (a.type === "Name" ? param(a.id) : null);
        if (n === null) throw new Unsupported("loop count not known statically", s.lineno);
        visit(s.body, times * n, locked);
        continue;
      }
      if (s.type === "With" && s.items.length === 1) { visit(s.body, times, true); continue; }
      if (s.type === "Expr" && s.value.type === "Call" && s.value.func.type === "Attribute" && (s.value.func.attr === "acquire" || s.value.func.attr === "release")) {
        throw new Unsupported("explicit acquire/release (use `with lock:`)", s.lineno);
      }
      throw new Unsupported(`statement '${s.type}' in a thread target`, s.lineno);
    }
  };
  visit(fn.body, 1, false);
  if (!found) throw new Unsupported("thread target without a counter increment", fn.lineno);
  return found;
}

export function analyzeRace(source: string): { threads: ThreadSpec[]; counter: string; initial: number } {
  const mod = parse(source);
  const funcs = new Map<string, StmtOf<"FunctionDef">>();
  const counter = { name: null as string | null };
  let initial: number | null = null;
  const initials = new Map<string, number>();
  const threads: ThreadSpec[] = [];
  const addThreads = (call: Extract<Expr, { type: "Call" }>, times: number) => {
    const target = call.keywords.find((k) => k.arg === "target")?.value;
    const argsKw = call.keywords.find((k) => k.arg === "args")?.value;
    if (!target || target.type !== "Name") throw new Unsupported("Thread without target=<function name>", call.lineno);
    const fn = funcs.get(target.id);
    if (!fn) throw new Unsupported("thread target defined elsewhere", call.lineno);
    const args = argsKw ? (argsKw.type === "Tuple" ? argsKw.elts : argsKw.type === "Constant" && argsKw.value.kind === "tuple" ? argsKw.value.items.map((v) => ({ type: "Constant" as const, value: v, lineno: call.lineno, col_offset: 0 })) : null) : [];
    if (!args) throw new Unsupported("Thread args that are not a literal tuple", call.lineno);
    const spec = analyzeTarget(fn, args, counter);
    for (let i = 0; i < times; i++) threads.push({ ...spec });
  };
  const scanExpr = (e: Expr, times: number) => {
    if (isThreadCall(e)) return addThreads(e, times);
    if (e.type === "ListComp" && isThreadCall(e.elt) && e.generators.length === 1) {
      const it = e.generators[0].iter;
      const n = it.type === "Call" && it.func.type === "Name" && it.func.id === "range" ? constInt(it.args[0]) : null;
      if (n === null) throw new Unsupported("thread list of unknown size", e.lineno);
      return addThreads(e.elt, times * n);
    }
    if (e.type === "List" || e.type === "Tuple") e.elts.forEach((x) => scanExpr(x, times));
  };
  const scan = (body: Stmt[], times: number) => {
    for (const s of body) {
      if (s.type === "FunctionDef") funcs.set(s.name, s);
      else if (s.type === "Assign") {
        const c = constInt(s.value);
        for (const t of s.targets) if (t.type === "Name" && c !== null) initials.set(t.id, c);
        scanExpr(s.value, times);
      } else if (s.type === "Expr") scanExpr(s.value, times);
      else if (s.type === "For" && s.iter.type === "Call" && s.iter.func.type === "Name" && s.iter.func.id === "range") {
        const n = constInt(s.iter.args[0]);
        if (n === null || s.iter.args.length !== 1) throw new Unsupported("loop creating threads of unknown size", s.lineno);
        scan(s.body, times * n);
      }
    }
  };
  scan(mod.body, 1);
  if (!threads.length || !counter.name) throw new Unsupported("no threads incrementing a shared counter", 1);
  initial = initials.get(counter.name) ?? null;
  if (initial === null) throw new Unsupported(`initial value of '${counter.name}'`, 1);
  return { threads, counter: counter.name, initial };
}

interface Suffix { step: string; next: Suffix | null }

export function enumerateRace(source: string, _options: unknown = {}): RaceResult {
  void _options;
  let spec: ReturnType<typeof analyzeRace>;
  try {
    spec = analyzeRace(source);
  } catch (e) {
    if (e instanceof Unsupported || e instanceof PySyntaxError) return { finalValues: [], schedules: [], error: e.message };
    throw e;
  }
  const { threads, counter, initial } = spec;
  const k = threads.length;
  // each thread: micro-steps 3 per increment (LOAD, ADD, STORE); a locked increment is one atomic step
  const len = threads.map((t) => (t.locked ? t.increments : t.increments * 3));
  const total = len.reduce((a, b) => a + b, 0);
  if (total > MAX_STEPS) return { finalValues: [], schedules: [], error: `unsupported: ${total} bytecode steps are too many to enumerate the interleavings of (limit ${MAX_STEPS})` };
  const memo = new Map<string, Map<number, Suffix | null>>();
  let states = 0;
  const pcs = new Array<number>(k).fill(0);
  const regs = new Array<number>(k).fill(0);
  const search = (shared: number): Map<number, Suffix | null> => {
    const key = pcs.join(",") + "|" + regs.join(",") + "|" + shared;
    const hit = memo.get(key);
    if (hit) return hit;
    if (++states > MAX_STATES) throw new Unsupported(`more than ${MAX_STATES} interleaving states`, 0);
    const out = new Map<number, Suffix | null>();
    let any = false;
    for (let t = 0; t < k; t++) {
      const pc = pcs[t];
      if (pc >= len[t]) continue;
      any = true;
      const th = threads[t];
      const name = `T${t + 1}`;
      let step: string;
      let nextShared = shared;
      const savedReg = regs[t];
      if (th.locked) {
        nextShared = shared + th.step;
        step = `${name} LOCKED ${counter}=${shared}->${nextShared}`;
      } else {
        const phase = pc % 3;
        if (phase === 0) { regs[t] = shared; step = `${name} LOAD ${counter}=${shared}`; }
        else if (phase === 1) { regs[t] = savedReg + th.step; step = `${name} ADD ${savedReg}+${th.step}=${regs[t]}`; }
        else { nextShared = savedReg; step = `${name} STORE ${counter}=${savedReg}`; }
      }
      pcs[t] = pc + 1;
      const sub = search(nextShared);
      pcs[t] = pc;
      regs[t] = savedReg;
      for (const [v, suf] of sub) if (!out.has(v)) out.set(v, { step, next: suf });
    }
    if (!any) out.set(shared, null);
    memo.set(key, out);
    return out;
  };
  let result: Map<number, Suffix | null>;
  try {
    result = search(initial);
  } catch (e) {
    if (e instanceof Unsupported) return { finalValues: [], schedules: [], error: e.message };
    throw e;
  }
  const finalValues = [...result.keys()].sort((a, b) => a - b);
  const schedules = finalValues.map((value) => {
    const steps: string[] = [];
    for (let s = result.get(value) ?? null; s; s = s.next) steps.push(s.step);
    return { value, steps };
  });
  return { finalValues, schedules };
}
