// gc.get_count() as CPython keeps it. Every allocation of an object of a GC type (tracked or not)
// adds one to the young generation's count (gc_alloc / _PyObject_GC_Link) and every
// PyObject_GC_Del takes one off while it is above zero; a collection of generation n zeroes the
// counts of 0..n and adds one to n+1. Up to 3.13 lists, dicts, tuples (by size) and 3.10's frames
// come from and go to free lists without passing through either, so the count depends on what
// the free lists hold: a full collection empties them, and from there this file replays them.
// 3.14 counts every allocation and every deallocation. Whatever allocates GC objects we do not
// model (class creation, print's buffers, exceptions and tracebacks, generators, the REPL's
// compiler...) makes the count unknown until the next full collection: get_count() is then
// refused, never guessed.

import { PyBuiltin, PyDict, PyFunction, PyInstance, PyIterator, PyList, PyObj, PyTuple } from "./objects";
import type { Heap } from "./heap";

const TUPLE_SAVE_SIZE = 20; // PyTuple_MAXSAVESIZE: sizes 1..19 have a free list
const TUPLE_FREE_MAX = 2000;
const LIST_FREE_MAX = 80;
const DICT_FREE_MAX = 80;
const FRAME_FREE_MAX = 200; // 3.10 frameobject.c PyFrame_MAXFREELIST

/** The kinds whose objects CPython allocates as GC objects that the simulator also allocates. */
function counted(o: PyObj): boolean {
  switch (o.kind) {
    case "list": case "tuple": case "dict": case "set": case "function": case "cell": case "method": case "weakref":
      return true;
    case "instance":
      return !(o as PyInstance).cls.builtin;
    case "iterator":
      return (o as PyIterator).label !== "range_iterator";
    default:
      return false;
  }
}

/** Kinds whose allocation hides GC allocations we do not replay (or that CPython may not make). */
function unknowable(h: Heap, o: PyObj): boolean {
  switch (o.kind) {
    case "type": case "property": case "wvdict": case "module": case "slice":
      return true;
    case "instance":
      return (o as PyInstance).cls.builtin; // an exception: tracebacks and frames follow
    case "iterator":
      // enumerate, zip, dict items and their kin keep a result tuple of their own; generators a frame
      return !PLAIN_ITERATORS.has((o as PyIterator).label);
    case "builtin":
      // a bound built-in method is made by `obj.method` outside a call; LOAD_METHOD makes none.
      // Methods of instances (threading's) are Python code in CPython.
      return (o as PyBuiltin).self !== null && (!h.loadingMethod || (o as PyBuiltin).self instanceof PyInstance);
    default:
      return false;
  }
}

/** Iterators (and dict views) that are one GC object each and allocate nothing else. */
const PLAIN_ITERATORS = new Set(["list_iterator", "tuple_iterator", "str_ascii_iterator", "dict_keyiterator", "set_iterator", "range_iterator", "dict_keys", "dict_values", "dict_keysiterator", "dict_valuesiterator"]);

const freeListed = (h: Heap) => h.prof.version !== "3.14";
/** 3.14 counts objects the collector tracks: a tuple of untracked items is made untracked and never counted. */
const tracksOnly = (h: Heap) => h.prof.version === "3.14";

/**
 * 3.14 makes a run-time tuple untracked when no item can hold a reference cycle: none is a
 * tracked object or a tuple (a tuple of untracked items still makes the outer one tracked).
 */
export function startsUntracked(h: Heap, items: readonly PyObj[]): boolean {
  return h.prof.atomicTuplesUntracked && !h.buildingConst && items.every((x) => !x.tracked && x.kind !== "tuple");
}

function up(h: Heap): void { h.count0++; }
function down(h: Heap): void { if (h.count0 > 0) h.count0--; }

export function countAlloc(h: Heap, o: PyObj): void {
  if (!h.countKnown) return;
  if (unknowable(h, o)) { h.countKnown = false; return; }
  if (!counted(o)) return;
  if (o instanceof PyTuple && startsUntracked(h, o.items)) return;
  if (h.typeAllocKind === o.kind) { h.typeAllocKind = ""; up(h); return; }
  if (freeListed(h)) {
    if (o instanceof PyList && h.freeLists > 0) { h.freeLists--; return; }
    if (o instanceof PyDict && h.freeDicts > 0) { h.freeDicts--; return; }
    if (o instanceof PyTuple) {
      const n = o.items.length;
      if (n < TUPLE_SAVE_SIZE && (h.freeTuples[n] ?? 0) > 0) { h.freeTuples[n]--; return; }
    }
  }
  up(h);
}

export function countFree(h: Heap, o: PyObj): void {
  if (!h.countKnown || !counted(o)) return;
  if (tracksOnly(h) && !o.tracked) return;
  if (o instanceof PyInstance && o.attrs && h.prof.version === "3.10") freeDict(h); // its __dict__ goes first
  if (o instanceof PyFunction) countFunctionPartsFreed(h, o);
  if (freeListed(h)) {
    if (o instanceof PyList) { if (h.freeLists < LIST_FREE_MAX) { h.freeLists++; return; } }
    else if (o instanceof PyDict) { freeDict(h); return; }
    else if (o instanceof PyTuple) {
      const n = o.items.length;
      if (n < TUPLE_SAVE_SIZE && (h.freeTuples[n] ?? 0) < TUPLE_FREE_MAX) { h.freeTuples[n] = (h.freeTuples[n] ?? 0) + 1; return; }
    }
  }
  down(h);
}

function freeDict(h: Heap): void {
  if (freeListed(h) && h.freeDicts < DICT_FREE_MAX) h.freeDicts++;
  else down(h);
}

/**
 * Calling a class with arguments goes through tp_call up to 3.13: the positional arguments are
 * packed into a tuple and keywords into a dict for the call (and back into a kwnames tuple for
 * __init__). 3.14 counts neither (an args tuple
 * of untracked items is untracked; the rest comes and goes within the call).
 */
export function countCallPackBegin(h: Heap, nargs: number, nkw: number): void {
  if (!h.countKnown || !freeListed(h)) return;
  if (nargs > 0) countTupleAlloc(h, nargs);
  if (nkw > 0) {
    if (h.freeDicts > 0) h.freeDicts--; else up(h);
    countTupleAlloc(h, nkw); // __init__ is then called by vectorcall: the dict unpacked to kwnames
  }
}
export function countCallPackEnd(h: Heap, nargs: number, nkw: number): void {
  if (!h.countKnown || !freeListed(h)) return;
  if (nkw > 0) { countTupleFree(h, nkw); freeDict(h); }
  if (nargs > 0) countTupleFree(h, nargs);
}

/** Built-in types whose calls pass their arguments without packing them (vectorcall). */
const VECTORCALL_TYPES = new Set(["list", "tuple", "dict", "set"]);
export function countBuiltinTypeCall(h: Heap, name: string, nkw: number): void {
  if (!VECTORCALL_TYPES.has(name) || nkw > 0) h.countKnown = false;
  // list() and dict() make their object with tp_alloc, never from the free list (PyList_New does)
  h.typeAllocKind = name === "list" || name === "dict" ? name : "";
}

/**
 * The objects a function owns that the simulator keeps inline: its closure tuple, a defaults
 * tuple built at run time (a constant one belongs to the code) and its keyword-defaults dict.
 */
function functionParts(h: Heap, f: PyFunction): { closure: number; defaults: number; kwDefaults: boolean } {
  const d = f.def.args.defaults;
  let defaults = d.length > 0 && !d.every((x) => x.type === "Constant") ? f.defaults.length : 0;
  if (tracksOnly(h) && (startsUntracked(h, f.defaults) || f.defaultsUntracked)) defaults = 0;
  return { closure: f.closure.length, defaults, kwDefaults: f.kwDefaults.size > 0 };
}
/** Called once the function has its defaults and closure (MAKE_FUNCTION took them already built). */
export function countFunctionParts(h: Heap, f: PyFunction): void {
  if (!h.countKnown) return;
  const p = functionParts(h, f);
  if (p.closure > 0) countTupleAlloc(h, p.closure);
  if (p.defaults > 0) countTupleAlloc(h, p.defaults);
  if (p.kwDefaults) { if (freeListed(h) && h.freeDicts > 0) h.freeDicts--; else up(h); }
}
function countFunctionPartsFreed(h: Heap, f: PyFunction): void {
  const p = functionParts(h, f);
  if (p.closure > 0) countTupleFree(h, p.closure);
  if (p.defaults > 0) countTupleFree(h, p.defaults);
  if (p.kwDefaults) freeDict(h);
}
function countTupleAlloc(h: Heap, n: number): void {
  if (freeListed(h) && n < TUPLE_SAVE_SIZE && (h.freeTuples[n] ?? 0) > 0) h.freeTuples[n]--;
  else up(h);
}
function countTupleFree(h: Heap, n: number): void {
  if (freeListed(h) && n < TUPLE_SAVE_SIZE && (h.freeTuples[n] ?? 0) < TUPLE_FREE_MAX) h.freeTuples[n] = (h.freeTuples[n] ?? 0) + 1;
  else down(h);
}

/** 3.10 keeps an instance's attributes in a dict made on the first attribute store. */
export function countInstanceDict(h: Heap): void {
  if (!h.countKnown || h.prof.version !== "3.10") return;
  if (h.freeDicts > 0) h.freeDicts--;
  else up(h);
}

/** A hidden allocation we do not replay: the count is unknown until the next full collection. */
export function countUnknown(h: Heap): void { h.countKnown = false; }

/**
 * A call of a Python function (or a 3.10/3.11 comprehension's function). 3.10 runs it in a frame
 * object: the code object's "zombie" frame if it has one, else one from the free list, else a new
 * one; returning keeps it as the zombie, or frees it to the free list. 3.11+ frames are not
 * objects unless asked for. `key` stands for the code object.
 */
export function countFrameEnter(h: Heap, key: object): void {
  if (!h.countKnown || h.prof.version !== "3.10") return;
  if (h.zombieFrames.has(key)) h.zombieFrames.delete(key);
  else if (h.freeFrames > 0) h.freeFrames--;
  else up(h);
}
export function countFrameExit(h: Heap, key: object): void {
  if (!h.countKnown || h.prof.version !== "3.10") return;
  if (!h.zombieFrames.has(key)) h.zombieFrames.add(key);
  else if (h.freeFrames < FRAME_FREE_MAX) h.freeFrames++;
  else down(h);
}

/** 3.10/3.11 run a comprehension as a call of a function made for it and dropped after. */
const compAsCall = (h: Heap) => h.prof.version === "3.10" || h.prof.version === "3.11";
export function countComprehensionEnter(h: Heap, key: object): void {
  if (!compAsCall(h) || !h.countKnown) return;
  up(h); // MAKE_FUNCTION
  countFrameEnter(h, key);
}
export function countComprehensionExit(h: Heap, key: object): void {
  if (!compAsCall(h) || !h.countKnown) return;
  countFrameExit(h, key);
  down(h);
}

/** gc_collect_main's bookkeeping, done before the garbage is freed; a full collection also empties the free lists (after). */
export function countCollectStart(h: Heap, generation: number): void {
  if (h.prof.version === "3.14") {
    // the incremental collector: collect(0) counts one young collection, collect(2) resets all
    if (generation === 0) h.count1++;
    if (generation === 2) { h.count1 = 0; h.count2 = 0; }
  } else {
    if (generation === 0) h.count1++;
    if (generation === 1) { h.count1 = 0; h.count2++; }
    if (generation === 2) { h.count1 = 0; h.count2 = 0; }
  }
  h.count0 = 0;
}
export function countCollectEnd(h: Heap, generation: number, ranPython: boolean): void {
  // finalizers and callbacks run between the reset and the freeing, against free lists we may not know
  if (ranPython) { h.countKnown = false; return; }
  if (generation !== 2) return;
  h.freeLists = 0;
  h.freeDicts = 0;
  h.freeTuples = [];
  h.freeFrames = 0;
  h.countKnown = true;
}

