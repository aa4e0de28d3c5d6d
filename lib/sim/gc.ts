// The cyclic garbage collector, as CPython's Modules/gcmodule.c (Python/gc.c) runs one
// collection: update_refs copies each tracked object's refcount, subtract_refs removes the
// references that come from inside the examined set, move_unreachable keeps what is still
// referenced from outside (and all it reaches), the rest is garbage. Then: handle_weakrefs clears
// weak references to garbage and calls their callbacks, finalize runs __del__ (PEP 442), and
// objects resurrected by finalizers are kept; delete breaks the remaining cycles (tp_clear).
// The return value of gc.collect() is the number of unreachable objects found.

import { PyDict, PyInstance, PyList, PyObj, PySet, PyTuple, PyStr, PyInt, PyFloat, PyBool, PyNone, PyType } from "./objects";
import type { Heap } from "./heap";
import { Unsupported } from "./tokenizer";

function isAtomic(o: PyObj): boolean {
  return o instanceof PyStr || o instanceof PyInt || o instanceof PyFloat || o instanceof PyBool || o instanceof PyNone || !o.tracked;
}

export function collect(heap: Heap, generation: number, line: number, atShutdown = false): number {
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

  // survivors age; tuples (and, in full collections, dicts) holding only atomic values are untracked
  const nextGen = Math.min(generation + 1, 2);
  for (const o of young) {
    if (!reachable.has(o)) continue;
    o.gen = nextGen;
    if (o instanceof PyTuple && o.items.every(isAtomic)) o.tracked = false;
    if (o instanceof PyDict && !heap.prof.dictsAlwaysTracked && generation === 2 && [...o.map.values()].every((e) => isAtomic(e.key) && isAtomic(e.value))) o.tracked = false;
  }
  heap.gen0Count = 0;
  if (unreachable.length === 0) return 0;

  // what the real collector counts: we only model garbage made of these kinds exactly
  let count = 0;
  for (const o of atShutdown ? [] : unreachable) {
    if (o instanceof PyInstance) {
      if (o.cls.builtin) throw new Unsupported("collecting a cycle through an exception object", line);
      count += 1;
      if (heap.prof.instanceDictCounted && o.attrs && !o.dictObj && !o.cls.slots) count += 1;
    } else if (o instanceof PyList || o instanceof PyDict || o instanceof PySet || o instanceof PyTuple) {
      count += 1;
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
        if (r.callback && heap.hooks) { heap.incref(r); heap.hooks.callback(r.callback, r); heap.decref(r); }
      }
    }
  }
  // finalize: __del__ once per object (PEP 442); keep everything alive while they run
  for (const o of unreachable) heap.incref(o);
  for (const o of unreachable) {
    if (o instanceof PyInstance && !o.finalized && o.cls.lookup("__del__") && heap.hooks) {
      o.finalized = true;
      heap.hooks.finalize(o);
    }
  }
  // check_garbage: if a finalizer resurrected anything, the whole set survives this time
  const resurrected = unreachable.some((o) => {
    let inner = 0;
    for (const p of unreachable) for (const r of heap.referents(p)) if (r === o) inner++;
    return o.rc - 1 > inner;
  });
  for (const o of unreachable) o.rc--;
  if (resurrected) {
    for (const o of unreachable) o.gen = 2;
    return count;
  }
  // delete: tp_clear breaks the cycles; refcounting frees the rest
  for (const o of unreachable) heap.incref(o);
  for (const o of unreachable) if (!o.freed) heap.releaseChildren(o);
  for (const o of unreachable) heap.decref(o);
  return count;
}
