// The step-by-step trace for the lesson visualizer and grading feedback: one TraceStep per
// executed statement, taken just before it runs. Built only when RunOptions.trace is set, so a
// plain run does no per-step JSON work.

import type { Interp } from "./interpreter";
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
}

export interface TraceStep {
  line: number;
  event: "line" | "exception" | "end";
  frames: { name: string; locals: { name: string; objectId: number }[] }[];
  objects: TraceObject[];
  /** Objects freed since the previous step. */
  freed: number[];
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

export function snapshot(it: Interp, event: TraceStep["event"]): TraceStep {
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
  // objects reachable from the frames (bounded), in discovery order
  const seen = new Set<PyObj>();
  const queue = [...roots];
  const objects: TraceObject[] = [];
  while (queue.length && objects.length < 200) {
    const o = queue.shift();
    if (!o || seen.has(o)) continue;
    seen.add(o);
    const refs = o instanceof PyType || o instanceof PyModule ? [] : it.heap.referents(o).filter((r) => !(r instanceof PyType) || !r.builtin);
    objects.push({
      id: o.id, type: typeName(o), preview: preview(o), refcount: o.uncounted ? null : o.rc, generation: o.tracked ? o.gen : null,
      tracked: o.tracked, interned: o.interned, immortal: o.immortal, refs: refs.map((r) => r.id),
    });
    if (!(o instanceof PyFunction)) queue.push(...refs);
  }
  const freed = it.heap.freedLog;
  it.heap.freedLog = [];
  return { line: it.line, event, frames, objects, freed, stdout: it.out };
}
