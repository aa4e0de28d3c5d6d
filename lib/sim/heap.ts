// The heap: object creation, the caches CPython keeps (small ints, one-character strings, the
// intern table), reference counting and deallocation in CPython's order, and hashing/equality for
// dict and set keys. Deallocation runs __del__ and weakref callbacks through hooks the
// interpreter installs, because they execute Python code.

import { PyBool, PyDict, PyEllipsis, PyFloat, PyInstance, PyInt, PyList, PyNone, PyObj, PySet, PyStr, PyTuple, PyWeakref, PyCell, PyFunction, PyType, PyMethod, PyIterator, PyWeakValueDict, PyModule, PyCode, PyBuiltin, PyProperty, PySlice, type Kind } from "./objects";
import type { Profile } from "./versions";
import { countAlloc, countFree, countUnknown, startsUntracked } from "./gc-count";

export class BudgetExceeded extends Error {}

export const MAX_STR_LENGTH = 10_000_000;

const TRACKED_KINDS = new Set<Kind>(["list", "tuple", "dict", "set", "function", "cell", "type", "instance", "method", "iterator", "wvdict", "property", "weakref"]);

export interface HeapHooks {
  /** Run a finalizer (__del__) on an object about to die; returns after Python code ran. */
  finalize(o: PyInstance): void;
  /** Call a weakref callback with the dead reference. */
  callback(cb: PyObj, ref: PyWeakref): void;
  allocated(o: PyObj): void;
}

export class Heap {
  readonly live = new Set<PyObj>();
  readonly None = new PyNone();
  readonly True = new PyBool(true);
  readonly False = new PyBool(false);
  readonly Ellipsis = new PyEllipsis();
  readonly emptyStr: PyStr;
  readonly emptyTuple: PyTuple;
  /** -5..256 at index v + 5, filled on first use (an array: a Map keyed by bigint hashed every lookup). */
  private readonly smallInts: (PyInt | undefined)[] = new Array<PyInt | undefined>(262).fill(undefined);
  /** The indexes of smallInts filled so far, in order (the pool empties those a run filled). */
  smallIntsMade: number[] = [];
  private readonly chars = new Map<string, PyStr>();
  readonly interned = new Map<string, PyStr>();
  /** Objects freed since the last trace step. */
  freedLog: number[] = [];
  /** Whether freedLog is kept (only a traced run reads it; otherwise it would grow with every free). */
  logFrees = false;
  /** Net allocations of collector-tracked objects since the last collection (gen0 count). */
  gen0Count = 0;
  gcEnabled = true;
  /** gc.get_count() as CPython keeps it, and the free lists it depends on (gc-count.ts). */
  count0 = 0;
  count1 = 0;
  count2 = 0;
  countKnown = false;
  freeLists = 0;
  freeDicts = 0;
  freeTuples: number[] = [];
  freeFrames = 0;
  zombieFrames = new Set<object>();
  /** Set while a call's `obj.method` is looked up (LOAD_METHOD makes no bound method). */
  loadingMethod = false;
  /** "list" or "dict" while list()/dict() make their result (tp_alloc bypasses the free list). */
  typeAllocKind = "";
  /** Finalizers and weakref callbacks the collector has run (the count cannot follow them). */
  pythonRunByCollector = 0;
  deallocDepth = 0;
  hooks: HeapHooks | null = null;
  constructor(readonly prof: Profile, readonly maxObjects: number) {
    for (const o of [this.None, this.True, this.False, this.Ellipsis]) this.immortalize(o);
    this.emptyStr = this.immortalize(new PyStr(""));
    this.emptyTuple = this.immortalize(new PyTuple([]));
  }

  private immortalize<T extends PyObj>(o: T): T {
    o.uncounted = true;
    o.immortal = this.prof.immortalRefcount !== null;
    o.rc = 1;
    return o;
  }

  /** Register a new object owned by the caller (refcount 1). */
  add<T extends PyObj>(o: T): T {
    o.rc = 1;
    if (TRACKED_KINDS.has(o.kind) && !(o.kind === "dict" && !this.prof.dictsAlwaysTracked)) this.track(o);
    this.live.add(o);
    if (this.live.size > this.maxObjects) throw new BudgetExceeded(`object limit of ${this.maxObjects} exceeded`);
    countAlloc(this, o);
    this.hooks?.allocated(o);
    return o;
  }
  track(o: PyObj): void {
    if (o.tracked) return;
    o.tracked = true;
    o.gen = 0;
  }

  int(v: bigint): PyInt {
    if (v >= -5n && v <= 256n) {
      const i = Number(v) + 5;
      let o = this.smallInts[i];
      if (!o) { o = this.immortalize(new PyInt(v)); this.smallInts[i] = o; this.smallIntsMade.push(i); }
      return o;
    }
    return this.add(new PyInt(v));
  }
  /** int() of a JS number (lengths, counts): a cached small int without making a bigint first. */
  intOfNumber(n: number): PyInt {
    if (n >= -5 && n <= 256 && Number.isInteger(n)) {
      const o = this.smallInts[n + 5];
      if (o) return o;
    }
    return this.int(BigInt(n));
  }
  bool(b: boolean): PyBool { return b ? this.True : this.False; }
  float(v: number): PyFloat { return this.add(new PyFloat(v)); }
  str(s: string): PyStr {
    if (s.length === 0) return this.emptyStr;
    // A memory budget for text: V8 aborts the whole process (not just this run) when a later
    // split or join of a string this size asks for a too-large array.
    if (s.length > MAX_STR_LENGTH) throw new BudgetExceeded(`string of more than ${MAX_STR_LENGTH} characters`);
    if (s.length === 1 && s.charCodeAt(0) < 256) {
      let o = this.chars.get(s);
      if (!o) { o = this.immortalize(new PyStr(s)); o.interned = true; this.chars.set(s, o); }
      return o;
    }
    return this.add(new PyStr(s));
  }
  /** A new str object even for one character (int.__str__ and friends build their result directly). */
  freshStr(s: string): PyStr {
    if (s.length !== 1) return this.str(s);
    return this.add(new PyStr(s));
  }
  /** sys.intern / compiler interning: one object per value for the whole run. */
  intern(s: string, candidate?: PyStr): PyStr {
    if (s.length <= 1) return this.str(s);
    let o = this.interned.get(s);
    if (!o) {
      o = candidate ?? new PyStr(s);
      if (!candidate) { this.live.add(o); }
      o.interned = true;
      o.uncounted = true; // interned strings' counts depend on what else the runtime interned
      o.immortal = this.prof.internedImmortal;
      o.rc = 1;
      this.interned.set(s, o);
    }
    return o;
  }
  /** 3.11/3.12: a one-character constant is interned as its own object, not the cached character. */
  internDistinct(s: string): PyStr {
    let o = this.interned.get(s);
    if (!o) {
      o = new PyStr(s);
      o.interned = true;
      o.uncounted = true;
      o.immortal = this.prof.internedImmortal;
      o.rc = 1;
      this.live.add(o);
      this.interned.set(s, o);
    }
    return o;
  }
  tuple(items: PyObj[]): PyTuple {
    if (items.length === 0) return this.emptyTuple;
    const t = this.add(new PyTuple(items));
    if (startsUntracked(this, items)) t.tracked = false;
    return t;
  }
  /** Constant tuples made by the compiler are tracked even on 3.14. */
  buildingConst = false;
  list(items: PyObj[], allocated?: number): PyList { return this.add(new PyList(items, allocated)); }

  incref(o: PyObj): PyObj { if (!o.uncounted) o.rc++; return o; }
  decref(o: PyObj): void {
    if (o.uncounted) return;
    o.rc--;
    if (o.rc === 0) this.dealloc(o);
  }

  /** Deallocate in the order CPython's tp_dealloc of each type releases its references. */
  dealloc(o: PyObj): void {
    if (o.freed) return;
    if (o.kind === "instance" && !(o as PyInstance).finalized && (o as PyInstance).cls.lookup("__del__") && this.hooks) {
      const i = o as PyInstance;
      i.finalized = true;
      i.rc = 1; // the finalizer runs with the object temporarily resurrected
      this.hooks.finalize(i);
      i.rc--;
      if (i.rc > 0) return; // resurrected
    }
    if (++this.deallocDepth > 900) throw new BudgetExceeded("deallocation chain too deep");
    try {
      if (o.weakrefs) this.clearWeakrefs(o, true);
      o.freed = true;
      this.live.delete(o);
      if (this.logFrees) this.freedLog.push(o.id);
      countFree(this, o);
      if (o.tracked) { o.tracked = false; if (this.gen0Count > 0) this.gen0Count--; }
      this.releaseChildren(o);
    } finally {
      this.deallocDepth--;
    }
  }

  /** Drop the references an object holds (also used by the collector's delete phase). */
  releaseChildren(o: PyObj): void {
    const kids = this.clearRefs(o);
    for (const k of kids) this.decref(k);
  }

  /** Detach and return the strong references an object holds, in the order its dealloc drops them. */
  clearRefs(o: PyObj): PyObj[] {
    // tp_clear then tp_dealloc may both reach an object: its references are dropped only once
    if (o.cleared) return [];
    o.cleared = true;
    // by kind, not an instanceof chain: this runs for every object that dies
    switch (o.kind) {
      case "list": { const l = o as PyList; const k = l.items.slice().reverse(); l.items = []; return k; }
      case "tuple": { const t = o as PyTuple; const k = t.items.slice().reverse(); (t.items as PyObj[]).length = 0; return k; }
      case "dict": { const d = o as PyDict; const k: PyObj[] = []; for (const e of d.map.values()) k.push(e.key, e.value); d.map.clear(); return k; }
      case "set": { const s = o as PySet; const k = [...s.map.values()]; s.map.clear(); return k; }
      case "instance": {
        const i = o as PyInstance;
        const k: PyObj[] = [];
        if (i.slotValues) { for (const v of i.slotValues.values()) k.push(v); i.slotValues.clear(); }
        if (i.attrs) { for (const v of i.attrs.values()) k.push(v); i.attrs = null; }
        if (i.dictObj) { k.push(i.dictObj); i.dictObj = null; }
        if (i.args) { k.push(i.args); i.args = null; }
        k.push(i.cls);
        return k;
      }
      case "cell": { const c = o as PyCell; const k = c.ref ? [c.ref] : []; c.ref = null; return k; }
      case "function": { const f = o as PyFunction; const k: PyObj[] = [f.code, f.globals, ...f.defaults, ...f.kwDefaults.values(), ...f.closure]; if (f.dict) k.push(f.dict); f.defaults = []; f.closure = []; f.kwDefaults.clear(); return k; }
      case "method": { const m = o as PyMethod; return [m.func, m.self]; }
      case "iterator": { const i = o as PyIterator; const k = [i.source, ...(i.frameLocals?.values() ?? [])]; i.frameLocals?.clear(); return k; }
      case "weakref": { const r = o as PyWeakref; const k = r.callback ? [r.callback] : []; if (r.target?.weakrefs) r.target.weakrefs = r.target.weakrefs.filter((x) => x !== r); r.target = null; r.callback = null; return k; }
      case "wvdict": { const w = o as PyWeakValueDict; const k: PyObj[] = []; for (const e of w.map.values()) k.push(e.key, e.ref); w.map.clear(); return k; }
      case "type": { const t = o as PyType; const k = [...t.dict.values(), ...(t.builtin ? [] : t.bases)]; t.dict.clear(); if (!t.builtin) t.bases = []; return k; }
      case "builtin": { const b = o as PyBuiltin; return b.self ? [b.self] : []; }
      case "property": return [(o as PyProperty).fget];
      case "slice": { const s = o as PySlice; return [s.lower, s.upper, s.step]; }
      default: return [];
    }
  }

  /** The strong references an object holds, without changing anything (tp_traverse). */
  referents(o: PyObj): PyObj[] {
    switch (o.kind) {
      case "list": case "tuple": return (o as PyList | PyTuple).items;
      case "dict": { const k: PyObj[] = []; for (const e of (o as PyDict).map.values()) k.push(e.key, e.value); return k; }
      case "set": return [...(o as PySet).map.values()];
      case "instance": {
        const i = o as PyInstance;
        const k: PyObj[] = [];
        if (i.slotValues) for (const v of i.slotValues.values()) k.push(v);
        if (i.attrs) for (const v of i.attrs.values()) k.push(v);
        // 3.13+: the collector sees the inline values through the instance, not a dict object
        if (i.dictObj) { if (i.dictObj.inlineValues) for (const e of i.dictObj.map.values()) k.push(e.value); else k.push(i.dictObj); }
        if (i.args) k.push(i.args);
        k.push(i.cls);
        return k;
      }
      case "cell": { const c = o as PyCell; return c.ref ? [c.ref] : []; }
      case "function": { const f = o as PyFunction; const k: PyObj[] = [f.code, f.globals, ...f.defaults, ...f.kwDefaults.values(), ...f.closure]; if (f.dict) k.push(f.dict); return k; }
      case "method": { const m = o as PyMethod; return [m.func, m.self]; }
      case "iterator": { const i = o as PyIterator; return i.frameLocals ? [i.source, ...i.frameLocals.values()] : [i.source]; }
      case "weakref": { const r = o as PyWeakref; return r.callback ? [r.callback] : []; }
      case "wvdict": { const k: PyObj[] = []; for (const e of (o as PyWeakValueDict).map.values()) k.push(e.key, e.ref); return k; }
      case "type": { const t = o as PyType; return t.builtin ? [...t.dict.values()] : [...t.dict.values(), ...t.bases]; }
      case "builtin": { const b = o as PyBuiltin; return b.self ? [b.self] : []; }
      case "property": return [(o as PyProperty).fget];
      case "slice": { const s = o as PySlice; return [s.lower, s.upper, s.step]; }
      case "code": return (o as PyCode).consts;
      default: return [];
    }
  }

  /** PyObject_ClearWeakRefs: clear every weakref to o, then call callbacks newest first. */
  clearWeakrefs(o: PyObj, callCallbacks: boolean): void {
    const refs = o.weakrefs ?? [];
    o.weakrefs = null;
    for (const r of refs) r.target = null;
    if (!callCallbacks) return;
    const withCb = refs.filter((r) => r.callback && !r.freed);
    for (let i = withCb.length - 1; i >= 0; i--) {
      const r = withCb[i];
      const cb = r.callback;
      if (cb && this.hooks) {
        countUnknown(this); // PyObject_ClearWeakRefs saves the exception state and more around the call
        this.incref(r);
        this.hooks.callback(cb, r);
        this.decref(r);
      }
    }
  }
}

// ---- hashing and equality for keys ----

export class Unhashable extends Error {
  constructor(readonly typeName: string) {
    // caught at once and turned into the learner's TypeError: no JS stack trace to capture
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(typeName);
    Error.stackTraceLimit = limit;
  }
}

/** A string that is equal for equal Python keys (1 == 1.0 == True share one). */
export function hashKey(o: PyObj): string {
  switch (o.kind) {
    case "str": return "s" + (o as PyStr).v;
    case "int": return "n" + (o as PyInt).v;
    case "bool": return (o as PyBool).v ? "n1" : "n0";
    case "float": { const v = (o as PyFloat).v; return Number.isInteger(v) ? "n" + BigInt(v) : "f" + v; }
    case "NoneType": return "N";
    case "tuple": return "t(" + (o as PyTuple).items.map(hashKey).join(",") + ")";
    case "list": case "dict": case "set": throw new Unhashable(o.kind);
    case "instance": {
      const c = (o as PyInstance).cls;
      if (c.lookup("__eq__") && !c.lookup("__hash__")) throw new Unhashable(c.name);
      if (c.lookup("__hash__")) throw new Unhashable("__hash__");
      return "o" + o.id;
    }
    default: return "o" + o.id;
  }
}
