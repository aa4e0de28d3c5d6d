// One interpreter per version profile, built once and put back to its start-up state before each
// run. Why: building the built-in types, functions and the initial heap cost more than running a
// typical short program (about 0.15 ms of a 0.1-0.3 ms run). A reused interpreter must be
// indistinguishable from a new one: the same ids from the same counter value, the same refcounts,
// the same caches (small ints, characters, interned strings) filled lazily in the same order.
//
// What is restored is found generically, by recording every own field of the interpreter, its heap
// and the start-up objects a run can change (the module's globals dict and whatever else is in
// heap.live at start-up). A field of a kind this file does not know how to restore makes the
// recording throw, so a new piece of per-run state cannot leak between runs silently. Closure
// state inside installBuiltins is put back by the hooks it registers in Interp.resetHooks.
// Built-in types and functions are immutable during a run (setattr/weakrefs on them are refused)
// and are shared as they are; pool.test.ts checks that and the whole equivalence.

import { Interp, type InterpOptions } from "./interpreter";
import { peekNextId, PyBuiltin, PyDict, PyList, PyModule, PyObj, PyStr, resetIds, setNextId, type DictEntry } from "./objects";
import type { PythonVersion } from "./versions";
import type { Heap } from "./heap";

/** How one own field is put back. */
const enum How {
  /** Start-up structure shared by every run (built-ins, hooks, the profile). */
  Keep,
  /** A primitive, null or an object reference restored as it was. */
  Value,
  /** A Map restored with the recorded entries (plain-object values, such as dict entries, copied). */
  Map,
  Set,
  Array,
  /** A Map only written to by adding/removing keys (builtins gets "_" in REPL mode). */
  MapBySize,
}

interface Field { key: string; how: How; value: unknown }
type Fields = Field[];

/** Interpreter fields built by installBuiltins and never reassigned while a program runs. */
const INTERP_KEEP = new Set(["heap", "prof", "opts", "globals", "typeCtors", "moduleFactories", "ops", "itemOps", "iterOps", "resetHooks", "builtinAttr"]);
const INTERP_BY_SIZE = new Set(["builtins", "types"]);
const HEAP_KEEP = new Set(["prof", "hooks", "maxObjects", "logFrees", "None", "True", "False", "Ellipsis", "emptyStr", "emptyTuple"]);

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

function record(owner: string, obj: object, keep: Set<string>, bySize: Set<string>): Fields {
  const out: Fields = [];
  for (const key of Object.keys(obj)) {
    const v = (obj as Record<string, unknown>)[key];
    if (keep.has(key) || typeof v === "function") continue; // kept as it is: nothing to do per run
    // (plain-object values, such as dict entries, are copied: a run writes into them in place)
    else if (v instanceof Map) out.push({ key, how: bySize.has(key) ? How.MapBySize : How.Map, value: [...v].map(([k, x]) => [k, isPlain(x) ? { ...x } : x]) });
    else if (v instanceof Set) out.push({ key, how: How.Set, value: [...v] });
    else if (Array.isArray(v)) out.push({ key, how: How.Array, value: v.slice() });
    else if (v === null || v === undefined || typeof v !== "object" || v instanceof PyObj) out.push({ key, how: How.Value, value: v });
    else throw new Error(`pool: no rule to reset ${owner}.${key}; add one in lib/sim/pool.ts`);
  }
  return out;
}

function restore(obj: object, fields: Fields): void {
  const o = obj as Record<string, unknown>;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    switch (f.how) {
      case How.Keep: break;
      case How.Value: if (o[f.key] !== f.value) o[f.key] = f.value; break;
      case How.Map: {
        const es = f.value as [unknown, unknown][];
        if (restoreInPlace(o[f.key] as Map<unknown, unknown>, es)) break; // (a map the run added to is rebuilt: see restoreDict)
        const m = new Map();
        for (let j = 0; j < es.length; j++) { const v = es[j][1]; m.set(es[j][0], isPlain(v) ? { ...v } : v); }
        o[f.key] = m;
        break;
      }
      case How.MapBySize: {
        const es = f.value as [unknown, unknown][];
        const m = o[f.key] as Map<unknown, unknown>;
        if (m.size !== es.length) { m.clear(); for (const [k, v] of es) m.set(k, v); }
        break;
      }
      case How.Set: {
        const a = f.value as unknown[];
        if (!(a.length === 0 && (o[f.key] as Set<unknown>).size === 0)) o[f.key] = new Set(a); // (still empty: nothing to put back)
        break;
      }
      case How.Array: {
        const a = f.value as unknown[];
        const cur = o[f.key];
        if (!(a.length === 0 && Array.isArray(cur) && cur.length === 0)) o[f.key] = a.slice(); // (still empty: nothing to put back)
        break;
      }
    }
  }
}

/**
 * Puts the map's values back in place when it holds exactly the recorded keys in their order
 * (a run that only rebound start-up names); false otherwise, and the caller builds a new map.
 */
function restoreInPlace(m: Map<unknown, unknown>, es: [unknown, unknown][]): boolean {
  if (m.size !== es.length) return false;
  let j = 0;
  for (const k of m.keys()) if (k !== es[j++][0]) return false;
  for (j = 0; j < es.length; j++) {
    const want = es[j][1];
    const got = m.get(es[j][0]);
    if (got !== want && !(isPlain(want) && isPlain(got) && samePlain(got, want))) m.set(es[j][0], isPlain(want) ? { ...want } : want);
  }
  return true;
}
function samePlain(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const k in b) if (a[k] !== b[k]) return false;
  for (const k in a) if (!(k in b)) return false;
  return true;
}

/** The heap's per-run scalars of gc-count.ts's model, put back by name (see HeapCounts). */
const HEAP_COUNTS = ["count0", "count1", "count2", "countKnown", "freeLists", "freeDicts", "freeFrames", "loadingMethod", "typeAllocKind", "pythonRunByCollector"] as const;
type HeapCounts = Pick<Heap, (typeof HEAP_COUNTS)[number]>;

/**
 * Per-run fields put back by direct assignment (reset() below), not through the generic rules:
 * the generic, keyed restore was most of the cost of a reset. A field must start empty or
 * primitive here (checked when the start-up state is recorded); any field not named here or in
 * the KEEP sets still goes through the generic rules.
 */
const INTERP_FAST = new Set(["out", "steps", "line", "frames", "modules", "scopes", "consts", "codes", "trace", "threadName", "gcKnownCount", "displayUnderscore", "autoGcUncertain", "gcThreshold0", "unitConsts", "replTop", "handling", "borrowedArgs", "pendingRelease", "lastWarnings"]);
const HEAP_FAST = new Set(["live", "smallInts", "smallIntsMade", "chars", "interned", "freedLog", "gen0Count", "gcEnabled", "deallocDepth", "buildingConst", ...HEAP_COUNTS, "freeTuples", "zombieFrames"]);
/** The PyObj header every object has (id and kind never change). */
const HEADER = new Set(["id", "kind", "rc", "tracked", "gen", "uncounted", "immortal", "interned", "freed", "cleared", "weakrefs"]);

function checkFast(owner: string, obj: object, names: Set<string>): void {
  for (const key of names) {
    const v = (obj as Record<string, unknown>)[key];
    const ok = v === null || v === undefined || typeof v !== "object" || ((v instanceof Map || v instanceof Set || Array.isArray(v)) && (Array.isArray(v) ? v.length : v.size) === 0) || key === "live" || key === "smallInts" || key === "smallIntsMade" || key === "chars" || key === "interned";
    if (!ok || !(key in obj)) throw new Error(`pool: ${owner}.${key} is not an empty or primitive start-up field; update INTERP_FAST/HEAP_FAST in lib/sim/pool.ts`);
  }
}

interface Header { o: PyObj; rc: number; tracked: boolean; gen: number; uncounted: boolean; immortal: boolean; interned: boolean; freed: boolean; cleared: boolean; rest: Fields; dict: DictState | null }

/**
 * A start-up dict (the module's globals) put back field by field by name: through the generic
 * keyed rules its fields cost more than the rest of a reset. Used only while PyDict's own fields
 * are exactly these (checked when recorded; any other dict goes through the generic rules).
 */
const DICT_FIELDS = ["map", "log2", "usedSlots", "unicodeOnly", "hadDeletion", "instanceDict", "inlineValues", "moduleDict"];
type DictState = Pick<PyDict, "log2" | "usedSlots" | "unicodeOnly" | "hadDeletion" | "instanceDict" | "inlineValues" | "moduleDict"> & { d: PyDict; entries: [string, DictEntry][] };

function dictState(o: PyObj): DictState | null {
  if (!(o instanceof PyDict)) return null;
  const own = Object.keys(o).filter((k) => !HEADER.has(k));
  if (own.length !== DICT_FIELDS.length || own.some((k) => !DICT_FIELDS.includes(k))) return null;
  return { d: o, log2: o.log2, usedSlots: o.usedSlots, unicodeOnly: o.unicodeOnly, hadDeletion: o.hadDeletion, instanceDict: o.instanceDict, inlineValues: o.inlineValues, moduleDict: o.moduleDict, entries: [...o.map].map(([k, e]) => [k, { ...e }]) };
}

function restoreDict(s: DictState): void {
  const d = s.d;
  // a map the run added to is rebuilt rather than trimmed: trimmed, it would be an old table the
  // next run's globals are stored into (the write barrier cost more than the copy)
  if (!restoreInPlace(d.map, s.entries)) d.map = new Map(s.entries.map(([k, e]) => [k, { ...e }]));
  d.log2 = s.log2; d.usedSlots = s.usedSlots; d.unicodeOnly = s.unicodeOnly; d.hadDeletion = s.hadDeletion;
  d.instanceDict = s.instanceDict; d.inlineValues = s.inlineValues; d.moduleDict = s.moduleDict;
}

class Pooled {
  busy = false;
  private readonly nextId: number;
  /** Start-up values of the fast fields (same names as on Interp and Heap). */
  private readonly i0: Record<string, unknown>;
  private readonly h0: { live: PyObj[]; smallIntsMade: number; chars: [string, PyObj][]; interned: [string, PyObj][]; gen0Count: number; gcEnabled: boolean; deallocDepth: number; buildingConst: boolean };
  private readonly counts0: HeapCounts;
  private readonly interpFields: Fields;
  private readonly heapFields: Fields;
  private readonly objects: Header[] = [];
  constructor(readonly it: Interp) {
    this.nextId = peekNextId();
    const h = it.heap;
    checkFast("Interp", it, INTERP_FAST);
    checkFast("Heap", h, HEAP_FAST);
    this.i0 = { ...(it as unknown as Record<string, unknown>) };
    this.h0 = { live: [...h.live], smallIntsMade: h.smallIntsMade.length, chars: [...(h as unknown as { chars: Map<string, PyObj> }).chars], interned: [...h.interned], gen0Count: h.gen0Count, gcEnabled: h.gcEnabled, deallocDepth: h.deallocDepth, buildingConst: h.buildingConst };
    this.interpFields = record("Interp", it, new Set([...INTERP_KEEP, ...INTERP_FAST]), INTERP_BY_SIZE);
    this.counts0 = { count0: h.count0, count1: h.count1, count2: h.count2, countKnown: h.countKnown, freeLists: h.freeLists, freeDicts: h.freeDicts, freeFrames: h.freeFrames, loadingMethod: h.loadingMethod, typeAllocKind: h.typeAllocKind, pythonRunByCollector: h.pythonRunByCollector };
    this.heapFields = record("Heap", h, new Set([...HEAP_KEEP, ...HEAP_FAST]), new Set());
    // start-up objects a run may change: all counted ones live in heap.live; the uncounted
    // singletons and cached objects only change through the collector's or weakref's fields
    const seen = new Set<PyObj>();
    for (const o of [...h.live, h.None, h.True, h.False, h.Ellipsis, h.emptyStr, h.emptyTuple]) {
      if (seen.has(o)) continue;
      seen.add(o);
      if (o.weakrefs !== null) throw new Error("pool: a start-up object with weak references");
      this.objects.push({ o, rc: o.rc, tracked: o.tracked, gen: o.gen, uncounted: o.uncounted, immortal: o.immortal, interned: o.interned, freed: o.freed, cleared: o.cleared, rest: [], dict: dictState(o) });
      const x = this.objects[this.objects.length - 1];
      // (a str's only own field, its value, is readonly and primitive: nothing to put back)
      if (!x.dict && !(o instanceof PyStr)) x.rest = record(o.constructor.name, o, HEADER, new Set());
    }
    for (const [name, make] of it.moduleFactories) it.moduleFactories.set(name, cachedModule(it, name, make));
  }
  /**
   * Back to the start-up state. Done when a run ends (not when the next begins), so nothing of
   * the finished run stays reachable: kept until the next run, a big program's heap was copied
   * by every young-generation collection in between and promoted to the old generation.
   */
  reset(): void {
    const it = this.it;
    const i0 = this.i0;
    it.out = i0.out as string;
    it.steps = i0.steps as number;
    it.line = i0.line as number;
    // New containers rather than emptied ones: the interpreter lives in the old generation, and
    // a run's objects referenced from an old-generation table survive young collections (and
    // get promoted) even after the table is emptied, until a full collection.
    // (a container the run left empty holds nothing: it is kept)
    if (it.frames.length) it.frames = [];
    if (it.modules.size) it.modules = new Map();
    if (it.scopes.size) it.scopes = new Map();
    if (it.consts.size) it.consts = new Map();
    if (it.codes.size) it.codes = new Map();
    it.trace = null;
    it.threadName = i0.threadName as string;
    it.gcKnownCount = i0.gcKnownCount as boolean;
    it.displayUnderscore = null;
    it.autoGcUncertain = i0.autoGcUncertain as boolean;
    it.gcThreshold0 = i0.gcThreshold0 as number;
    if (it.unitConsts.size) it.unitConsts = new Map(); // (compileUnit replaces it anyway)
    it.replTop = null;
    if (it.handling.length) it.handling = [];
    if (it.borrowedArgs.length) it.borrowedArgs = [];
    it.pendingRelease = null;
    if (it.lastWarnings.length) it.lastWarnings = [];
    restore(it, this.interpFields);
    const h = it.heap as unknown as { live: Set<PyObj>; smallInts: (PyObj | undefined)[]; smallIntsMade: number[]; chars: Map<string, PyObj>; interned: Map<string, PyObj>; freedLog: number[]; gen0Count: number; gcEnabled: boolean; deallocDepth: number; buildingConst: boolean; maxObjects: number };
    const h0 = this.h0;
    h.live = new Set(h0.live);
    // The small-int, character and intern caches only ever gain entries: put back as new
    // (young) tables when the run added some. Kept and trimmed in place instead, they are old
    // by the next run, and every store into them there pays the old-to-young write barrier:
    // measured slower per program than the copy (lib/sim/dev/bench.ts, interleaved A/B).
    const made = h.smallIntsMade;
    if (made.length !== h0.smallIntsMade) {
      const a = h.smallInts.slice();
      for (let i = h0.smallIntsMade; i < made.length; i++) a[made[i]] = undefined;
      h.smallInts = a;
      made.length = h0.smallIntsMade;
    }
    if (h.chars.size !== h0.chars.length) h.chars = new Map(h0.chars);
    if (h.interned.size !== h0.interned.length) h.interned = new Map(h0.interned);
    if (h.freedLog.length) h.freedLog = [];
    h.gen0Count = h0.gen0Count;
    h.gcEnabled = h0.gcEnabled;
    h.deallocDepth = h0.deallocDepth;
    h.buildingConst = h0.buildingConst;
    const hc = it.heap;
    const c0 = this.counts0;
    hc.count0 = c0.count0; hc.count1 = c0.count1; hc.count2 = c0.count2; hc.countKnown = c0.countKnown;
    hc.freeLists = c0.freeLists; hc.freeDicts = c0.freeDicts; hc.freeFrames = c0.freeFrames;
    hc.loadingMethod = c0.loadingMethod; hc.typeAllocKind = c0.typeAllocKind; hc.pythonRunByCollector = c0.pythonRunByCollector;
    if (hc.freeTuples.length) hc.freeTuples = [];
    if (hc.zombieFrames.size) hc.zombieFrames = new Set();
    restore(it.heap, this.heapFields);
    for (let i = 0; i < this.objects.length; i++) {
      const x = this.objects[i];
      const o = x.o;
      // compared before written: these objects have many classes, and a store to a field of
      // many shapes costs more than a load (most runs change at most a count or two)
      if (o.rc !== x.rc) o.rc = x.rc;
      if (o.tracked !== x.tracked) o.tracked = x.tracked;
      if (o.gen !== x.gen) o.gen = x.gen;
      if (o.uncounted !== x.uncounted) o.uncounted = x.uncounted;
      if (o.immortal !== x.immortal) o.immortal = x.immortal;
      if (o.interned !== x.interned) o.interned = x.interned;
      if (o.freed !== x.freed) o.freed = x.freed;
      if (o.cleared !== x.cleared) o.cleared = x.cleared;
      if (o.weakrefs !== null) o.weakrefs = null;
      if (x.dict) restoreDict(x.dict);
      else if (x.rest.length) restore(o, x.rest);
    }
    for (let i = 0; i < it.resetHooks.length; i++) it.resetHooks[i]();
  }
  /** The options of the run about to start, on an interpreter in its start-up state. */
  begin(opts: InterpOptions): void {
    setNextId(this.nextId);
    (this.it as { opts: InterpOptions }).opts = opts;
    (this.it.heap as { maxObjects: number }).maxObjects = opts.maxObjects;
    this.it.heap.logFrees = opts.trace;
    this.it.trace = opts.trace ? [] : null;
  }
}

/**
 * A module factory that builds the module once per pooled interpreter and afterwards rebuilds it
 * from that recipe: the same objects in the same order (so the same ids), sharing the built-in
 * functions' code instead of creating their closures again on every import. Only a module whose
 * first build is checked to be exactly "the module, then one new object per attribute" (built-in
 * functions, empty lists) is rebuilt this way; any other goes on calling its factory.
 */
function cachedModule(it: Interp, name: string, make: () => PyModule): () => PyModule {
  let recipe: [string, PyObj][] | null | undefined; // undefined: not built yet; null: not rebuildable
  return () => {
    if (recipe === null) return make();
    if (recipe === undefined) {
      const id0 = peekNextId();
      const m = make();
      recipe = rebuildable(it, m, id0) ? [...m.attrs] : null;
      return m;
    }
    const m = new PyModule(name);
    m.uncounted = true;
    m.rc = 1;
    for (const [k, v] of recipe) {
      if (v instanceof PyBuiltin) {
        const b = new PyBuiltin(v.name, v.fn, v.self, v.qual);
        b.uncounted = true;
        b.rc = 1;
        m.attrs.set(k, b);
      } else m.attrs.set(k, it.heap.list([]));
    }
    it.modules.set(name, m);
    return m;
  };
}

function rebuildable(it: Interp, m: PyModule, id0: number): boolean {
  if (m.id !== id0 || !m.uncounted || m.rc !== 1 || it.modules.get(m.name) !== m) return false;
  if (peekNextId() !== id0 + 1 + m.attrs.size) return false;
  let id = id0 + 1;
  for (const v of m.attrs.values()) {
    if (v.id !== id++ || v.weakrefs) return false;
    if (v instanceof PyBuiltin) { if (!v.uncounted || v.rc !== 1 || v.self !== null) return false; }
    else if (v instanceof PyList) { if (v.uncounted || v.rc !== 1 || v.items.length || v.allocated !== 0 || !v.sizeKnown || !it.heap.live.has(v)) return false; }
    else return false;
  }
  return true;
}

const pool = new Map<PythonVersion, Pooled>();
let pooling = true;

/** Tests: false builds every interpreter afresh, the behaviour the pool must reproduce. */
export function setPooling(on: boolean): void { pooling = on; }

/**
 * An interpreter in its start-up state for these options; release() it when the run is over.
 * A nested run (while the pooled one is busy) gets a new interpreter, as every run used to.
 */
export function acquireInterp(opts: InterpOptions): Interp {
  const v = opts.prof.version;
  let p = pool.get(v);
  if (!pooling) {
    resetIds();
    return new Interp(opts);
  }
  if (!p) {
    resetIds();
    p = new Pooled(new Interp(opts));
    pool.set(v, p);
  } else if (p.busy) {
    resetIds();
    return new Interp(opts);
  } else {
    p.begin(opts);
  }
  p.busy = true;
  return p.it;
}

export function releaseInterp(it: Interp): void {
  const p = pool.get(it.prof.version);
  if (!p || p.it !== it) return;
  try {
    p.reset();
    p.busy = false;
  } catch {
    pool.delete(it.prof.version); // could not be put back: the next run builds a new one
  }
}

/** Tests: forget the pooled interpreters (the next run of each version builds one). */
export function dropPooled(): void { pool.clear(); }

/** Tests: the pooled interpreter of a version, if one was built. */
export function pooledInterp(v: PythonVersion): Interp | undefined {
  return pool.get(v)?.it;
}
