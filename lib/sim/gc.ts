// The cyclic garbage collector, as CPython's Modules/gcmodule.c (Python/gc.c) runs one
// collection: update_refs copies each tracked object's refcount, subtract_refs removes the
// references that come from inside the examined set, move_unreachable keeps what is still
// referenced from outside (and all it reaches), the rest is garbage. Then: handle_weakrefs clears
// weak references to garbage and calls their callbacks, finalize runs __del__ (PEP 442), and
// objects resurrected by finalizers are kept; delete breaks the remaining cycles (tp_clear).
// The return value of gc.collect() is the number of unreachable objects found.

import { PyCell, PyDict, PyFunction, PyInstance, PyList, PyMethod, PyObj, PySet, PyTuple, PyStr, PyInt, PyFloat, PyBool, PyNone, PyType } from "./objects";
import type { Heap } from "./heap";
import { Unsupported } from "./tokenizer";

function isAtomic(o: PyObj): boolean {
  return o instanceof PyStr || o instanceof PyInt || o instanceof PyFloat || o instanceof PyBool || o instanceof PyNone || !o.tracked;
}

/** The objects a collection of `generation` would find unreachable, without collecting them. */
export function unreachableIn(heap: Heap, generation: number): PyObj[] {
  return examine(heap, generation).unreachable;
}

function examine(heap: Heap, generation: number): { young: PyObj[]; reachable: Set<PyObj>; unreachable: PyObj[] } {
  const young: PyObj[] = [];
  for (const o of heap.live) if (o.tracked && o.gen <= generation) young.push(o);
  const inYoung = new Set(young);

  // update_refs + subtract_refs
  const gcRefs = new Map<PyObj, number>();
  for (const o of young) gcRefs.set(o, o.rc - (o instanceof PyType ? o.internalRefs : 0));
  for (const o of young) {
    for (const r of heap.referents(o)) {
      const c = gcRefs.get(r);
      if (c !== undefined && inYoung.has(r)) gcRefs.set(r, c - 1);
    }
  }
  // move_unreachable: everything reachable from an object with outside references survives
  const reachable = new Set<PyObj>();
  const stack = young.filter((o) => (gcRefs.get(o) ?? 0) > 0);
  for (const o of stack) reachable.add(o);
  while (stack.length) {
    const o = stack.pop();
    if (!o) break;
    for (const r of heap.referents(o)) {
      if (inYoung.has(r) && !reachable.has(r)) { reachable.add(r); stack.push(r); }
    }
  }
  const unreachable = young.filter((o) => !reachable.has(o));
  return { young, reachable, unreachable };
}

/**
 * The collector-tracked objects a function owns that the simulator keeps inline: its closure
 * tuple (of cells: always tracked), a defaults tuple built at run time (tracked while it holds a
 * container; a constant tuple belongs to the enclosing code object instead), and its
 * keyword-defaults dict (tracked once it holds a tracked value, always on 3.14).
 */
function functionParts(heap: Heap, f: PyFunction, line: number): number {
  let n = f.closure.length > 0 ? 1 : 0;
  const args = f.def.args;
  if (args.defaults.length > 0 && !args.defaults.every((d) => d.type === "Constant")) {
    if (!f.defaults.some((d) => d.tracked)) throw new Unsupported("collecting a function whose run-time defaults tuple may have been untracked", line);
    n += 1;
  }
  if (f.kwDefaults.size > 0 && (heap.prof.dictsAlwaysTracked || [...f.kwDefaults.values()].some((v) => v.tracked))) n += 1;
  if (f.dict) throw new Unsupported("collecting a function with a __dict__", line);
  return n;
}

/**
 * The collector-tracked objects a class owns that the simulator keeps inline (type_new): its
 * __mro__ tuple (holds the class: always tracked), its __bases__ tuple (tracked while it holds a
 * user class; one of static built-in types only is untracked by the first collection it
 * survives), its __dict__ (tracked once it holds a tracked value, e.g. a descriptor), the
 * __dict__/__weakref__ getset descriptors it adds and one member descriptor per slot.
 */
function classParts(heap: Heap, t: PyType, line: number): number {
  // a built-in base other than object (an exception class) brings descriptors of its own
  if (t.mro.some((b) => b.builtin && b.name !== "object")) throw new Unsupported("collecting a class derived from a built-in class", line);
  const userBases = t.bases.some((b) => !b.builtin);
  let getsets: number;
  if (t.slots) getsets = (t.ownDictSlot ? 1 : 0) + (t.ownWeakrefSlot ? 1 : 0);
  else if (!userBases) getsets = 2;
  else if (t.mro.slice(1).every((b) => b.builtin || !b.slots)) getsets = 0;
  else throw new Unsupported("collecting a class that adds a __dict__ to a slotted base", line);
  const members = t.slots?.length ?? 0;
  const dictTracked = heap.prof.dictsAlwaysTracked || getsets + members > 0 || [...t.dict.values()].some((v) => v.tracked);
  // 3.14 creates a tuple of untracked items untracked
  const basesTracked = userBases || (!t.basesUntracked && !heap.prof.atomicTuplesUntracked);
  return 1 + (basesTracked ? 1 : 0) + (dictTracked ? 1 : 0) + getsets + members;
}

export function collect(heap: Heap, generation: number, line: number, atShutdown = false): number {
  // 3.14 untracks the examined tuples of untracked items before looking for garbage, so such a
  // tuple is never counted (3.14.2: a class's __slots__ tuple dying with it is not)
  if (heap.prof.atomicTuplesUntracked) {
    for (const o of heap.live) {
      if (o.tracked && o.gen <= generation && o instanceof PyTuple && o.items.every(isAtomic)) o.tracked = false;
      // the same for a function's defaults tuple, which the simulator keeps inline (gc-count.ts)
      if (o.tracked && o.gen <= generation && o instanceof PyFunction && o.defaults.length && o.defaults.every(isAtomic)) o.defaultsUntracked = true;
    }
  }
  const { young, reachable, unreachable } = examine(heap, generation);

  // survivors age; tuples (and, in full collections, dicts) holding only atomic values are untracked
  const nextGen = Math.min(generation + 1, 2);
  for (const o of young) {
    if (!reachable.has(o)) continue;
    o.gen = nextGen;
    if (o instanceof PyTuple && o.items.every(isAtomic)) o.tracked = false;
    if (o instanceof PyType && !o.builtin && o.bases.every((b) => b.builtin)) o.basesUntracked = true;
    if (o instanceof PyDict && !heap.prof.dictsAlwaysTracked && generation === 2 && [...o.map.values()].every((e) => isAtomic(e.key) && isAtomic(e.value))) o.tracked = false;
  }
  heap.gen0Count = 0;
  if (unreachable.length === 0) return 0;

  // what the real collector counts: we only model garbage made of these kinds exactly
  let count = 0;
  for (const o of atShutdown ? [] : unreachable) {
    if (o instanceof PyInstance) {
      if (o.cls.builtin) throw new Unsupported("collecting a cycle through an exception object", line);
      // 3.14 (Pyodide) counts such an object's __dict__ differently (not at all once made, and
      // more on a first collection): not understood yet, so not answered
      if (heap.prof.version === "3.14" && o.cls.slots && o.cls.hasDictSlot) throw new Unsupported("collecting an object whose __slots__ include __dict__ on 3.14", line);
      count += 1;
      if (heap.prof.instanceDictCounted && o.attrs && !o.dictObj && (!o.cls.slots || o.cls.hasDictSlot)) count += 1;
    } else if (o instanceof PyList || o instanceof PyDict || o instanceof PySet || o instanceof PyTuple || o instanceof PyCell || o instanceof PyMethod) {
      count += 1;
    } else if (o instanceof PyFunction) {
      count += 1 + functionParts(heap, o, line);
    } else if (o instanceof PyType && !o.builtin) {
      count += 1 + classParts(heap, o, line);
    } else {
      throw new Unsupported(`collecting a cycle through a ${o.kind} object`, line);
    }
  }

  // handle_weakrefs: clear weakrefs to garbage; callbacks of live weakrefs run
  for (const o of unreachable) {
    if (o.weakrefs) {
      const refs = o.weakrefs;
      o.weakrefs = null;
      for (const r of refs) r.target = null;
      const cbs = refs.filter((r) => r.callback && !unreachable.includes(r) && !r.freed);
      for (let i = cbs.length - 1; i >= 0; i--) {
        const r = cbs[i];
        if (r.callback && heap.hooks) { heap.pythonRunByCollector++; heap.incref(r); heap.hooks.callback(r.callback, r); heap.decref(r); }
      }
    }
  }
  // finalize: __del__ once per object (PEP 442); keep everything alive while they run
  for (const o of unreachable) heap.incref(o);
  for (const o of unreachable) {
    if (o instanceof PyInstance && !o.finalized && o.cls.lookup("__del__") && heap.hooks) {
      o.finalized = true;
      heap.pythonRunByCollector++;
      heap.hooks.finalize(o);
    }
  }
  // check_garbage: if a finalizer resurrected anything, the whole set survives this time
  const resurrected = unreachable.some((o) => {
    let inner = 0;
    for (const p of unreachable) for (const r of heap.referents(p)) if (r === o) inner++;
    return o.rc - 1 - (o instanceof PyType ? o.internalRefs : 0) > inner;
  });
  for (const o of unreachable) o.rc--;
  if (resurrected) {
    for (const o of unreachable) o.gen = 2;
    return count;
  }
  // delete: tp_clear breaks the cycles (a class's own, through its __mro__ and descriptors,
  // too); refcounting frees the rest
  for (const o of unreachable) if (o instanceof PyType) { o.rc -= o.internalRefs; o.internalRefs = 0; }
  for (const o of unreachable) heap.incref(o);
  for (const o of unreachable) if (!o.freed) heap.releaseChildren(o);
  for (const o of unreachable) heap.decref(o);
  return count;
}
