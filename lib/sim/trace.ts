// The step-by-step trace for the lesson visualizer and grading feedback: one TraceStep per
// executed statement, taken just before it runs. Built only when RunOptions.trace is set, so a
// plain run does no per-step JSON work.

import type { Interp } from "./interpreter";
import { unreachableIn } from "./gc";
import { BudgetExceeded } from "./heap";
import { PyBool, PyDict, PyFloat, PyFunction, PyInstance, PyInt, PyList, PyObj, PySet, PyStr, PyTuple, PyType, PyModule, typeName } from "./objects";

export interface TraceObject {
  id: number;
  type: string;
  /** Short repr-like text, at most 60 characters. */
  preview: string;
  /** What sys.getrefcount would report minus its own argument, or null when not modelled (immortal or start-up dependent). */
  refcount: number | null;
  generation: number | null;
  tracked: boolean;
  interned: boolean;
  immortal: boolean;
  /** Ids of the objects this one refers to (strong references). */
  refs: number[];
  /**
   * Alive but reachable from no frame: garbage (a cycle) the collector has not freed yet, or
   * something only such garbage refers to. Absent on objects reachable from the frames.
   */
  unreachable?: true;
}

export interface TraceStep {
  line: number;
  event: "line" | "exception" | "end";
  frames: { name: string; locals: { name: string; objectId: number }[] }[];
  objects: TraceObject[];
  /** Objects freed since the previous step. */
  freed: number[];
  /** Ids of the objects listed with `unreachable: true` (always present, possibly empty). */
  unreachable: number[];
  /** Everything printed so far. */
  stdout: string;
}

function preview(o: PyObj): string {
  let s: string;
  if (o instanceof PyStr) s = JSON.stringify(o.v);
  else if (o instanceof PyInt) s = o.v.toString();
  else if (o instanceof PyBool) s = o.v ? "True" : "False";
  else if (o instanceof PyFloat) s = String(o.v);
  else if (o instanceof PyList) s = `list of ${o.items.length}`;
  else if (o instanceof PyTuple) s = `tuple of ${o.items.length}`;
  else if (o instanceof PyDict) s = `dict of ${o.map.size}`;
  else if (o instanceof PySet) s = `set of ${o.map.size}`;
  else if (o instanceof PyFunction) s = `function ${o.qualname}`;
  else if (o instanceof PyType) s = `class ${o.name}`;
  else if (o instanceof PyInstance) s = `${o.cls.name} object`;
  else if (o instanceof PyModule) s = `module ${o.name}`;
  else s = typeName(o);
  return s.length > 60 ? s.slice(0, 57) + "..." : s;
}

/**
 * A budget on the work of tracing, apart from the program's own: every step walks the heap (the
 * garbage search looks at every tracked object), so a loop that grows a big structure costs
 * steps x heap, minutes for a program the step and object budgets alone would stop in 0.1 s.
 */
export const TRACE_WORK_LIMIT = 1_000_000;
const traceWork = new WeakMap<TraceStep[], number>();

function chargeTrace(it: Interp, units: number): void {
  if (!it.trace) return;
  const total = (traceWork.get(it.trace) ?? 0) + units;
  traceWork.set(it.trace, total);
  if (total > TRACE_WORK_LIMIT) throw new BudgetExceeded("the step trace is too large to record (the program grows too much memory while it runs)");
}

/** What the garbage search below costs: every tracked object and each of its references. */
function heapWork(it: Interp): number {
  let units = 0;
  for (const o of it.heap.live) {
    if (!o.tracked) continue;
    units += 1 + (o instanceof PyList || o instanceof PyTuple ? o.items.length : o instanceof PyDict || o instanceof PySet ? o.map.size : 0);
  }
  return units;
}

export function snapshot(it: Interp, event: TraceStep["event"]): TraceStep {
  chargeTrace(it, heapWork(it));
  const frames: TraceStep["frames"] = [];
  const roots: PyObj[] = [];
  for (const f of it.frames) {
    const locals: { name: string; objectId: number }[] = [];
    if (f.kind === "module") {
      for (const e of f.globals.map.values()) {
        if (e.key instanceof PyStr && !e.key.v.startsWith("__") && !(e.value instanceof PyModule)) { locals.push({ name: e.key.v, objectId: e.value.id }); roots.push(e.value); }
      }
    } else {
      for (const [k, v] of f.fast) { locals.push({ name: k, objectId: v.id }); roots.push(v); }
      for (const [k, c] of f.cells) if (c.ref) { locals.push({ name: k, objectId: c.ref.id }); roots.push(c.ref); }
    }
    frames.push({ name: f.kind === "module" ? "<module>" : f.name, locals });
  }
  // objects reachable from the frames (bounded), in discovery order; then the garbage the
  // collector would find now (what it finds unreachable, as a collection of every generation
  // would), with what only it refers to, marked unreachable
  const seen = new Set<PyObj>();
  const objects: TraceObject[] = [];
  const visit = (start: PyObj[], unreachable: boolean) => {
    const queue = [...start];
    while (queue.length && objects.length < 200) {
      const o = queue.shift();
      if (!o || seen.has(o)) continue;
      seen.add(o);
      const refs = o instanceof PyType || o instanceof PyModule ? [] : it.heap.referents(o).filter((r) => !(r instanceof PyType) || !r.builtin);
      chargeTrace(it, 1 + refs.length);
      objects.push({
        id: o.id, type: typeName(o), preview: preview(o), refcount: o.uncounted ? null : o.rc, generation: o.tracked ? o.gen : null,
        tracked: o.tracked, interned: o.interned, immortal: o.immortal, refs: refs.map((r) => r.id),
        ...(unreachable && !o.uncounted ? { unreachable: true as const } : {}),
      });
      if (!(o instanceof PyFunction)) queue.push(...refs);
    }
  };
  visit(roots, false);
  visit(unreachableIn(it.heap, 2).filter((o) => !seen.has(o) && !o.uncounted), true);
  const freed = it.heap.freedLog;
  it.heap.freedLog = [];
  const unreachable = objects.filter((o) => o.unreachable).map((o) => o.id);
  return { line: it.line, event, frames, objects, freed, unreachable, stdout: it.out };
}
