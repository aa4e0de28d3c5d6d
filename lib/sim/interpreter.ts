// The evaluator: one exhaustive switch over statement kinds and one over expression kinds, each
// with a `never` check. It works at the level of CPython's references: evaluating an expression
// yields a NEW reference (as a value pushed on the bytecode evaluation stack does), and whoever
// consumes it either stores it (the reference moves) or releases it (decref) exactly where the
// bytecode would, so sys.getrefcount and the moment each object dies match the real interpreter.

import type { CmpOp, Expr, ExprOf, Stmt, StmtOf, ConstValue, Comprehension } from "./ast";
import { analyzeScopes, collectConsts, compileWarnings, constKey, foldStmts, type CompileWarning } from "./compiler";
import { BudgetExceeded, Heap, Unhashable, hashKey } from "./heap";
import { PyBool, PyBuiltin, PyCell, PyCode, PyDict, PyFloat, PyFunction, PyInstance, PyInt, PyIterator, PyList, PyMethod, PyModule, PyNone, PyObj, PyProperty, PyRange, PySet, PySlice, PyStr, PyTuple, PyType, PyWeakref, PyWeakValueDict, typeName, type BuiltinFn, type ScopeInfo, type FunctionDef, type Lambda } from "./objects";
import { Unsupported } from "./tokenizer";
import type { Profile } from "./versions";
import { floatRepr, formatFloat, formatInt, formatStr, strRepr } from "./format";
import { installBuiltins } from "./builtins";
import { collect } from "./gc";
import { countComprehensionEnter, countComprehensionExit, countFrameEnter, countFrameExit, countFunctionParts, countInstanceDict, countUnknown, countCallPackBegin, countCallPackEnd, countBuiltinTypeCall } from "./gc-count";
import type { TraceStep } from "./trace";
import { snapshot } from "./trace";
import { BUILTIN_NAMES } from "./builtin-names";
import { BUILTIN_DIRS } from "./builtin-dirs";

/** A Python exception in flight (the learner's, not ours). */
/** One side of a comparison shaped like `f(x) [+-] k` (a refcount-like call), for boundedRefcountCompare. */
function refcountCallSide(x: Expr): { call: ExprOf<"Call">; shift: bigint } | null {
  let shift = 0n;
  if (x.type === "BinOp" && (x.op === "Sub" || x.op === "Add") && x.right.type === "Constant" && x.right.value.kind === "int") {
    shift = x.op === "Sub" ? -x.right.value.v : x.right.value.v;
    x = x.left;
  }
  if (x.type !== "Call" || x.args.length !== 1 || x.keywords.length > 0) return null;
  const fn = x.func;
  const a = x.args[0];
  if (!(fn.type === "Name" || (fn.type === "Attribute" && fn.value.type === "Name"))) return null;
  if (!(a.type === "Name" || a.type === "Constant")) return null;
  return { call: x, shift };
}
/** A comparison with its sides swapped (a < b is b > a). */
const FLIPPED_CMP: Partial<Record<string, CmpOp>> = { Lt: "Gt", Gt: "Lt", LtE: "GtE", GtE: "LtE", Eq: "Eq", NotEq: "NotEq" };
function intConstOf(x: Expr): bigint | null { return x.type === "Constant" && x.value.kind === "int" ? x.value.v : null; }

/** The cells of every function frame that has none (never written to: see callFunction). */
const NO_CELLS: Map<string, PyCell> = new Map();
/** The shared "no keyword arguments" map of calls without keywords (never written to). */
const NO_KWARGS: Map<string, PyObj> = new Map();
/** The shared "no borrowed arguments" list (never written to). */
const NO_BORROWED: boolean[] = [];

/** Releases a call's owned arguments once: when the new frame holds its own references, or after the call. */
class CallerRelease {
  private done = false;
  constructor(private readonly it: Interp, private readonly args: PyObj[], private readonly kwargs: Map<string, PyObj>) {}
  run(): void { if (!this.done) { this.done = true; this.it.releaseArgs(this.args, this.kwargs); } }
}

export class PyException extends Error {
  /** Frames the traceback keeps alive (innermost first) until the exception is released. */
  frames: Frame[] = [];
  constructor(readonly exc: PyInstance) {
    // Thrown for every Python exception, often caught at once (hasattr, except): a JS stack
    // trace would cost more than the rest of the throw, and nobody reads it.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super("python exception");
    Error.stackTraceLimit = limit;
  }
}

type Signal = undefined | { k: "break" } | { k: "continue" } | { k: "return"; v: PyObj };

export interface Frame {
  name: string;
  kind: "module" | "function" | "class" | "comp";
  globals: PyDict;
  fast: Map<string, PyObj>;
  cells: Map<string, PyCell>;
  classNs: Map<string, PyObj> | null;
  scope: ScopeInfo | null;
  parent: Frame | null;
  line: number;
  /** 3.14: locals holding borrowed (uncounted) references. */
  borrowed?: Set<string>;
}

export interface InterpOptions { prof: Profile; mode: "script" | "repl"; maxSteps: number; maxObjects: number; trace: boolean; source?: string }

export class Interp {
  readonly heap: Heap;
  readonly prof: Profile;
  out = "";
  steps = 0;
  line = 0;
  frames: Frame[] = [];
  builtins = new Map<string, PyObj>();
  modules = new Map<string, PyModule>();
  types = new Map<string, PyType>();
  globals: PyDict;
  scopes = new Map<object, ScopeInfo>();
  consts = new Map<object, PyObj>(); // Constant node -> object of its unit
  codes = new Map<object, PyCode>();
  trace: TraceStep[] | null;
  threadName = "MainThread";
  /** Set when the program observed something that depends on automatic collection timing. */
  gcKnownCount = false;
  displayUnderscore: PyObj | null = null;
  /** An automatic collection may have run at a moment we do not know. */
  autoGcUncertain = false;
  gcThreshold0: number;
  /** SyntaxWarnings the last compileUnit emitted (printed to stderr at compile time). */
  lastWarnings: CompileWarning[] = [];
  /** Put closure state of the built-ins back to start-up values when a pooled interpreter is reused (pool.ts). */
  readonly resetHooks: (() => void)[] = [];

  constructor(readonly opts: InterpOptions) {
    this.prof = opts.prof;
    this.gcThreshold0 = opts.prof.threshold[0];
    this.heap = new Heap(opts.prof, opts.maxObjects);
    this.trace = opts.trace ? [] : null;
    this.heap.logFrees = opts.trace;
    this.heap.hooks = {
      finalize: (o) => this.runFinalizer(o),
      callback: (cb, ref) => { const r = this.callObject(cb, [ref], new Map(), false); this.heap.decref(r); },
      allocated: (o) => {
        if (o.tracked) {
          this.heap.gen0Count++;
          if (this.heap.gcEnabled && this.gcThreshold0 > 0 && this.heap.gen0Count > this.gcThreshold0 - (this.gcKnownCount || this.opts.mode === "repl" || this.prof.version === "3.14" ? 20 : 600)) {
            // An automatic collection may have run from here on. It only shows through what it
            // frees, counts or untracks, so those observations are refused (see builtins).
            this.autoGcUncertain = true;
          }
        }
      },
    };
    this.globals = this.heap.add(new PyDict());
    installBuiltins(this);
    this.setGlobal("__name__", this.heap.intern("__main__"));
  }

  // ---- small helpers ----
  get None(): PyObj { return this.heap.None; }
  incref<T extends PyObj>(o: T): T { this.heap.incref(o); return o; }
  decref(o: PyObj | null | undefined): void { if (o) this.heap.decref(o); }
  newNone(): PyObj { return this.None; }
  throwPy(typeName: string, msg: string | null): never {
    countUnknown(this.heap); // the exception, its traceback and frames
    const cls = this.types.get(typeName);
    if (!cls) throw new Error("no exception type " + typeName);
    const args = msg === null ? this.heap.emptyTuple : this.heap.tuple([this.heap.str(msg)]);
    const e = this.heap.add(new PyInstance(cls));
    this.incref(cls);
    e.args = args;
    throw new PyException(e);
  }
  unsupported(what: string): never { throw new Unsupported(what, this.line); }
  step(): void {
    if (++this.steps > this.opts.maxSteps) throw new BudgetExceeded(`step limit of ${this.opts.maxSteps} exceeded`);
  }

  setGlobal(name: string, v: PyObj): void { this.dictSet(this.globals, this.heap.intern(name), v); }

  // ---- dict primitives (the dict holds one reference to key and value) ----
  key(o: PyObj, use: "dict key" | "set element" | "" = ""): string {
    try { return hashKey(o); } catch (e) {
      if (e instanceof Unhashable) {
        if (e.typeName === "__hash__") this.unsupported("user-defined __hash__");
        if (this.prof.version >= "3.14" && use) this.throwPy("TypeError", `cannot use '${e.typeName}' as a ${use} (unhashable type: '${e.typeName}')`);
        this.throwPy("TypeError", `unhashable type: '${e.typeName}'`);
      }
      throw e;
    }
  }
  /** Store v (a reference the caller gives away) under k (borrowed). */
  dictSet(d: PyDict, k: PyObj, v: PyObj): void {
    let hk: string;
    try { hk = this.key(k, "dict key"); } catch (e) { this.decref(v); throw e; }
    const old = d.map.get(hk);
    if (old) { const prev = old.value; old.value = v; this.decref(prev); return; }
    this.incref(k);
    d.map.set(hk, { key: k, value: v });
    if (!(k instanceof PyStr)) d.unicodeOnly = false;
    this.dictGrow(d);
    if (!d.tracked && !d.inlineValues && (v.tracked || k.tracked || isContainer(v))) this.heap.track(d);
  }
  dictGrow(d: PyDict): void {
    const n = d.map.size;
    if (d.log2 < 0) { d.log2 = 3; d.usedSlots = 0; }
    d.usedSlots++;
    const usable = ((1 << d.log2) * 2) / 3 | 0;
    if (d.usedSlots > usable) {
      // GROWTH_RATE: used*3, rounded up to a power of two
      let log2 = 3;
      while (1 << log2 < (n - 1) * 3 + 1) log2++;
      if ((1 << log2) < (n - 1) * 3) log2++;
      d.log2 = Math.max(log2, 3);
      d.usedSlots = n;
    }
  }
  dictGet(d: PyDict, k: PyObj): PyObj | undefined { return d.map.get(this.key(k, "dict key"))?.value; }
  dictDel(d: PyDict, k: PyObj): boolean {
    const hk = this.key(k, "dict key");
    const e = d.map.get(hk);
    if (!e) return false;
    d.map.delete(hk);
    d.hadDeletion = true;
    this.decref(e.key);
    this.decref(e.value);
    return true;
  }

  // ---- running ----
  compileUnit(body: Stmt[], unitName: string): Stmt[] {
    const folded = foldStmts(body);
    const { warnings, unsupported } = compileWarnings(folded, this.prof.version);
    if (unsupported !== null) throw new Unsupported("a program CPython compiles with a SyntaxWarning about a literal that cannot be called or subscripted", unsupported);
    this.lastWarnings = warnings;
    const scopes = analyzeScopes(folded, this.scopes);
    const nodes: (Expr | string)[] = []; // node, key, node, key, ... (no closure or pair per constant)
    const perCode = collectConsts(folded, scopes, nodes);
    const unit = new Map<string, PyObj>();
    const moduleCode = this.heap.add(new PyCode(unitName));
    this.codes.set(folded, moduleCode);
    this.unitConsts = unit;
    const arena = this.prof.arenaHoldsConstants && this.opts.mode === "script";
    for (const [owner, consts] of perCode) {
      let code = this.codes.get(owner);
      if (!code) { code = owner === folded ? moduleCode : this.heap.add(new PyCode("code")); this.codes.set(owner, code); }
      for (let ci = 0; ci < consts.values.length; ci++) {
        const cv = consts.values[ci];
        const k = consts.keys[ci];
        let o = unit.get(k);
        if (!o) {
          this.heap.buildingConst = true;
          try { o = this.makeConst(cv); } finally { this.heap.buildingConst = false; } // this first reference belongs to the code object
          unit.set(k, o);
          if (arena) this.incref(o); // the parser's arena keeps one more while the file runs
        } else this.incref(o);
        if (!o.uncounted) code.consts.push(o);
      }
    }
    for (let i = 0; i < nodes.length; i += 2) { const o = unit.get(nodes[i + 1] as string); if (o) this.consts.set(nodes[i] as Expr, o); }
    // consts: first use's reference belongs to the code object
    this.unitConsts = unit;
    return folded;
  }
  unitConsts = new Map<string, PyObj>();

  /** REPL: after an input ran, its code object (and its constants' references) is freed. */
  releaseUnit(body: Stmt[]): void {
    const code = this.codes.get(body);
    if (!code) return;
    // the unit's code dies, and with it the class-body code objects among its constants (a
    // function's code lives on in the function)
    const owners: object[] = [body];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) { n.forEach(walk); return; }
      if (!n || typeof n !== "object") return;
      const t = (n as { type?: unknown }).type;
      if (t === "FunctionDef" || t === "Lambda") return;
      if (t === "ClassDef") owners.push(n);
      for (const v of Object.values(n)) if (v && typeof v === "object") walk(v);
    };
    walk(body);
    for (const owner of owners) {
      const c = this.codes.get(owner);
      if (!c) continue;
      const consts = c.consts;
      c.consts = [];
      for (const k of consts) this.decref(k);
    }
  }

  makeConst(c: ConstValue): PyObj {
    switch (c.kind) {
      case "int": return this.heap.int(c.v);
      case "float": return this.heap.float(c.v);
      case "str": {
        if (c.v.length === 1 && c.v.charCodeAt(0) < 256 && !this.prof.charConstIsCached) return this.heap.internDistinct(c.v);
        if (/^[A-Za-z0-9_]*$/.test(c.v)) return this.heap.intern(c.v);
        return this.heap.str(c.v);
      }
      case "bool": return this.heap.bool(c.v);
      case "None": return this.None;
      case "Ellipsis": return this.heap.Ellipsis;
      case "tuple": {
        if (c.items.length === 0) return this.heap.emptyTuple;
        const items = c.items.map((x) => {
          const o = this.unitConsts.get(constKey(x));
          if (o) return this.incref(o);
          const made = this.makeConst(x);
          this.unitConsts.set(constKey(x), made);
          return made;
        });
        return this.heap.tuple(items);
      }
    }
  }

  constObj(e: ExprOf<"Constant">): PyObj {
    const o = this.consts.get(e) ?? this.unitConsts.get(constKey(e.value));
    if (!o) return this.makeConst(e.value);
    return this.incref(o);
  }

  runModule(body: Stmt[], moduleFrame: Frame): void {
    for (const s of body) {
      const sig = this.exec(s, moduleFrame);
      if (sig) this.unsupported("'" + sig.k + "' outside loop or function");
    }
  }

  // ---- statements ----
  execBlock(body: Stmt[], f: Frame): Signal {
    for (const s of body) {
      const sig = this.exec(s, f);
      if (sig) return sig;
    }
    return undefined;
  }

  exec(s: Stmt, f: Frame): Signal {
    this.step();
    this.line = s.lineno;
    f.line = s.lineno;
    if (this.trace) this.trace.push(snapshot(this, "line"));
    switch (s.type) {
      case "Expr": {
        const v = this.eval(s.value, f);
        // "single" mode prints every expression statement of the input's own code (not nested scopes)
        if (this.opts.mode === "repl" && f.kind === "module") this.displayhook(v);
        else this.decref(v);
        return undefined;
      }
      case "Assign": {
        const v = this.eval(s.value, f);
        for (let i = 0; i < s.targets.length; i++) {
          if (i < s.targets.length - 1) this.incref(v);
          this.store(s.targets[i], v, f);
        }
        return undefined;
      }
      case "AugAssign": return this.augAssign(s, f);
      case "AnnAssign": {
        if (f.kind === "module" || f.kind === "class") this.unsupported("annotated assignment at module or class level");
        if (s.value) this.store(s.target, this.eval(s.value, f), f);
        return undefined;
      }
      case "If": {
        return this.truthyConsume(this.eval(s.test, f)) ? this.execBlock(s.body, f) : this.execBlock(s.orelse, f);
      }
      case "While": {
        for (;;) {
          this.line = s.lineno;
          if (!this.truthyConsume(this.eval(s.test, f))) break;
          const sig = this.execBlock(s.body, f);
          if (sig?.k === "break") return undefined;
          if (sig?.k === "return") return sig;
          this.step();
        }
        return this.execBlock(s.orelse, f);
      }
      case "For": {
        const it = this.iterOwned(this.eval(s.iter, f));
        // 3.14: iterating a list or tuple held by a local stores a borrowed reference into a fast
        // local (a temporary sequence, such as a display, dies with the loop: its items are stored strong)
        const borrowTarget = this.prof.borrowedLocalLoads && f.kind === "function" && s.iter.type === "Name" && s.target.type === "Name" && !!f.scope?.locals.has(s.target.id) && !f.scope.cells.has(s.target.id) && it instanceof PyIterator && (it.label === "list_iterator" || it.label === "tuple_iterator") ? s.target.id : null;
        try {
          for (;;) {
            this.line = s.lineno;
            const v = this.iterNext(it);
            if (!v) break;
            this.store(s.target, v, f);
            if (borrowTarget) { f.borrowed?.add(borrowTarget); this.decref(v); }
            const sig = this.execBlock(s.body, f);
            if (sig?.k === "break") return undefined;
            if (sig?.k === "return") return sig;
            this.step();
          }
        } finally {
          this.decref(it);
        }
        return this.execBlock(s.orelse, f);
      }
      case "Break": return { k: "break" };
      case "Continue": return { k: "continue" };
      case "Pass": return undefined;
      case "FunctionDef": {
        let fn: PyObj = this.makeFunction(s, s.name, f);
        for (let i = s.decorators.length - 1; i >= 0; i--) {
          const d = this.eval(s.decorators[i], f);
          const r = this.callObject(d, [fn], new Map(), true);
          this.decref(d);
          this.decref(fn);
          fn = r;
        }
        this.storeName(s.name, fn, f);
        return undefined;
      }
      case "ClassDef": {
        let cls: PyObj = this.makeClass(s, f);
        for (let i = s.decorators.length - 1; i >= 0; i--) {
          const d = this.eval(s.decorators[i], f);
          const r = this.callObject(d, [cls], new Map(), true);
          this.decref(d);
          this.decref(cls);
          cls = r;
        }
        this.storeName(s.name, cls, f);
        return undefined;
      }
      case "Return": return { k: "return", v: s.value ? this.eval(s.value, f) : this.None };
      case "Delete": {
        for (const t of s.targets) this.del(t, f);
        return undefined;
      }
      case "Try": return this.execTry(s, f);
      case "Raise": {
        countUnknown(this.heap);
        if (s.cause) this.unsupported("raise ... from");
        if (!s.exc) {
          const cur = this.handling[this.handling.length - 1];
          if (!cur) this.throwPy("RuntimeError", "No active exception to reraise");
          this.incref(cur);
          throw new PyException(cur);
          // (the original PyException still owns its frames; they are released with it)
        }
        const v = this.eval(s.exc, f);
        throw new PyException(this.toException(v));
      }
      case "Import": {
        countUnknown(this.heap); // a first import builds a module; the count cannot follow it
        for (const a of s.names) {
          const m = this.importModule(a.name);
          this.storeName(a.asname ?? a.name, this.incref(m), f);
        }
        return undefined;
      }
      case "ImportFrom": {
        countUnknown(this.heap);
        const m = this.importModule(s.module);
        for (const a of s.names) {
          const v = m.attrs.get(a.name);
          if (!v) this.throwPy("ImportError", `cannot import name '${a.name}' from '${s.module}' (unknown location)`);
          this.storeName(a.asname ?? a.name, this.incref(v), f);
        }
        return undefined;
      }
      case "Global": case "Nonlocal": return undefined;
      case "With": return this.execWith(s, f);
      case "Assert": {
        if (!this.truthyConsume(this.eval(s.test, f))) {
          if (s.msg) {
            const m = this.eval(s.msg, f);
            const e = this.instantiate(this.getType("AssertionError"), [m]);
            this.decref(m);
            throw new PyException(e);
          }
          this.throwPy("AssertionError", null);
        }
        return undefined;
      }
      default: {
        const never: never = s;
        throw new Error("unknown statement " + JSON.stringify(never));
      }
    }
  }
  replTop: Stmt | null = null;

  displayhook(v: PyObj): void {
    if (v === this.None) return;
    this.out += this.repr(v) + "\n";
    // sys.displayhook binds builtins._ (a reference that keeps the value alive)
    const old = this.displayUnderscore;
    this.displayUnderscore = v;
    this.builtins.set("_", v);
    this.decref(old);
  }

  handling: PyInstance[] = [];

  execTry(s: StmtOf<"Try">, f: Frame): Signal {
    let result: Signal;
    try {
      result = this.tryBody(s, f);
    } catch (e) {
      if (!(e instanceof PyException) || !s.finalbody.length) throw e;
      const fsig = this.execBlock(s.finalbody, f);
      if (fsig) { this.releaseException(e); return fsig; }
      throw e;
    }
    if (s.finalbody.length) {
      const fsig = this.execBlock(s.finalbody, f);
      if (fsig) { if (result?.k === "return") this.decref(result.v); return fsig; }
    }
    return result;
  }

  private tryBody(s: StmtOf<"Try">, f: Frame): Signal {
    let sig: Signal;
    try {
      sig = this.execBlock(s.body, f);
    } catch (e) {
      if (!(e instanceof PyException) || !s.handlers.length) throw e;
      const handler = s.handlers.find((h) => this.matches(e.exc, h.exType, f));
      if (!handler) throw e;
      this.handling.push(e.exc);
      try {
        if (handler.name) this.storeName(handler.name, this.incref(e.exc), f);
        sig = this.execBlock(handler.body, f);
      } finally {
        this.handling.pop();
        if (handler.name) this.delNameIfBound(handler.name, f);
        this.releaseException(e);
      }
      return sig;
    }
    if (!sig && s.orelse.length) sig = this.execBlock(s.orelse, f);
    return sig;
  }

  matches(exc: PyInstance, typeExpr: Expr | null, f: Frame): boolean {
    if (!typeExpr) return true;
    const t = this.eval(typeExpr, f);
    try {
      const types = t instanceof PyTuple ? t.items : [t];
      for (const ty of types) {
        if (!(ty instanceof PyType)) this.throwPy("TypeError", "catching classes that do not inherit from BaseException is not allowed");
        if (exc.cls.isSubtypeOf(ty)) return true;
      }
      return false;
    } finally {
      this.decref(t);
    }
  }

  execWith(s: StmtOf<"With">, f: Frame): Signal {
    if (s.items.length !== 1) this.unsupported("with statement with several items");
    const item = s.items[0];
    const mgr = this.eval(item.context_expr, f);
    const enter = this.getAttr(mgr, "__enter__", true);
    const exit = this.getAttr(mgr, "__exit__", true);
    const entered = this.callObject(enter, [], new Map(), true);
    this.decref(enter);
    if (item.optional_vars) this.store(item.optional_vars, entered, f);
    else this.decref(entered);
    let sig: Signal;
    try {
      sig = this.execBlock(s.body, f);
    } catch (e) {
      if (e instanceof PyException) {
        const r = this.callObject(exit, [e.exc.cls, e.exc, this.None], new Map(), true);
        const swallow = this.truthyConsume(r);
        this.decref(exit);
        this.decref(mgr);
        if (swallow) { this.releaseException(e); return undefined; }
      }
      throw e;
    }
    const r = this.callObject(exit, [this.None, this.None, this.None], new Map(), true);
    this.decref(r);
    this.decref(exit);
    this.decref(mgr);
    return sig;
  }

  augAssign(s: StmtOf<"AugAssign">, f: Frame): Signal {
    const t = s.target;
    // every temporary is released on the error path too, as the bytecode's stack unwinding does
    const held: PyObj[] = [];
    try {
      if (t.type === "Name") {
        const cur = this.loadName(t.id, f); held.push(cur);
        const rhs = this.eval(s.value, f); held.push(rhs);
        const r = this.binop(s.op, cur, rhs, true);
        this.storeName(t.id, r, f);
      } else if (t.type === "Attribute") {
        const obj = this.eval(t.value, f); held.push(obj);
        const cur = this.getAttr(obj, t.attr, true); held.push(cur);
        const rhs = this.eval(s.value, f); held.push(rhs);
        const r = this.binop(s.op, cur, rhs, true);
        this.setAttr(obj, t.attr, r);
      } else if (t.type === "Subscript") {
        const obj = this.eval(t.value, f); held.push(obj);
        const idx = this.eval(t.slice, f); held.push(idx);
        const cur = this.getItem(obj, idx); held.push(cur);
        const rhs = this.eval(s.value, f); held.push(rhs);
        const r = this.binop(s.op, cur, rhs, true);
        this.setItem(obj, idx, r);
      } else this.unsupported("augmented assignment target");
    } finally {
      for (let i = held.length - 1; i >= 0; i--) this.decref(held[i]);
    }
    return undefined;
  }

  // ---- names ----
  loadName(name: string, f: Frame): PyObj {
    const v = this.lookupName(name, f);
    if (v) return this.incref(v);
    if (f.kind === "function" && f.scope?.locals.has(name)) {
      this.throwPy("UnboundLocalError", this.prof.version === "3.10" ? `local variable '${name}' referenced before assignment` : `cannot access local variable '${name}' where it is not associated with a value`);
    }
    if (f.scope?.frees.has(name) || f.cells.has(name)) this.throwPy("NameError", `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
    this.nameError(name, f);
  }

  nameError(name: string, f: Frame): never {
    if (this.prof.version >= "3.12" && STDLIB_NAMES.has(name)) this.unsupported("NameError import suggestion");
    let selfHint: string | null = null;
    const self = f.kind === "function" ? f.fast.get("self") : undefined;
    if (self && this.prof.version >= "3.12" && (self instanceof PyInstance ? !!this.instAttr(self, name) || self.slotValues?.has(name) || !!self.cls.lookup(name) : true)) {
      if (!(self instanceof PyInstance)) this.unsupported("NameError suggestion with a non-instance self");
      selfHint = `self.${name}`;
    }
    if (f.kind === "comp" || f.kind === "class") this.unsupported("NameError suggestion in a comprehension or class body");
    // the frame's locals, then globals, then builtins, as traceback / suggestions.c list them
    const locals = f.kind === "function" ? [...(f.scope?.locals ?? [])].filter((n) => f.fast.has(n) || f.cells.get(n)?.ref) : [];
    const globalsHead = this.opts.mode === "script" && this.prof.version !== "3.14"
      ? ["__name__", "__doc__", "__package__", "__loader__", "__spec__", "__annotations__", "__builtins__", "__file__", "__cached__"]
      : ["__name__", "__doc__", "__package__", "__loader__", "__spec__", "__file__", "__builtins__"];
    const globals = [...globalsHead];
    for (const e of this.globals.map.values()) if (e.key instanceof PyStr && !globals.includes(e.key.v)) globals.push(e.key.v);
    const builtins = [...BUILTIN_NAMES[this.prof.version]];
    if (this.displayUnderscore && !builtins.includes("_")) builtins.push("_");
    const s = selfHint ?? (this.prof.version <= "3.11"
      ? suggestFrom(name, f.kind === "module" ? globals : locals, false) ?? suggestFrom(name, globals, false) ?? suggestFrom(name, builtins, false)
      : suggestFrom(name, [...(f.kind === "module" ? globals : locals), ...(f.kind === "module" ? [] : globals), ...builtins], false));
    try {
      this.throwPy("NameError", `name '${name}' is not defined`);
    } catch (e) {
      // the hint is part of the printed traceback, not of str(exception)
      if (e instanceof PyException && s) e.exc.suggestion = `. Did you mean: '${s}'?`;
      throw e;
    }
  }

  /** Borrowed lookup, or undefined when unbound. */
  lookupName(name: string, f: Frame): PyObj | undefined {
    if (f.kind === "comp") {
      if (f.scope?.locals.has(name)) return f.fast.get(name);
      return f.parent ? this.lookupName(name, f.parent) : undefined;
    }
    if (f.kind === "function") {
      const sc = f.scope;
      if (sc?.cells.has(name) || sc?.frees.has(name)) return f.cells.get(name)?.ref ?? undefined;
      if (sc?.locals.has(name)) return f.fast.get(name);
      return this.globalLookup(name, f.globals);
    }
    if (f.kind === "class") {
      const v = f.classNs?.get(name);
      if (v) return v;
      if (f.scope?.frees.has(name) && f.parent) return this.lookupName(name, f.parent);
      return this.globalLookup(name, f.globals);
    }
    return this.globalLookup(name, f.globals);
  }
  globalLookup(name: string, g: PyDict): PyObj | undefined {
    const e = g.map.get("s" + name);
    if (e) return e.value;
    return this.builtins.get(name);
  }

  storeName(name: string, v: PyObj, f: Frame): void {
    if (f.kind === "comp") {
      const old = f.fast.get(name);
      f.fast.set(name, v);
      this.decref(old);
      return;
    }
    if (f.kind === "function") {
      const sc = f.scope;
      if (sc?.globals.has(name)) return this.dictSet(f.globals, this.heap.intern(name), v);
      if (sc?.cells.has(name) || sc?.frees.has(name)) {
        const c = f.cells.get(name);
        if (!c) throw new Error("missing cell " + name);
        const old = c.ref;
        c.ref = v;
        this.decref(old);
        return;
      }
      const old = f.fast.get(name);
      f.fast.set(name, v);
      if (f.borrowed?.delete(name)) return;
      this.decref(old);
      return;
    }
    if (f.kind === "class" && f.classNs) {
      const old = f.classNs.get(name);
      f.classNs.set(name, v);
      this.decref(old);
      return;
    }
    this.dictSet(f.globals, this.heap.intern(name), v);
  }

  delName(name: string, f: Frame): void {
    if (!this.delNameIfBound(name, f)) {
      if (f.kind === "function" && f.scope?.locals.has(name)) this.throwPy("UnboundLocalError", this.prof.version === "3.10" ? `local variable '${name}' referenced before assignment` : `cannot access local variable '${name}' where it is not associated with a value`);
      this.nameError(name, f);
    }
  }
  delNameIfBound(name: string, f: Frame): boolean {
    if (f.kind === "function" || f.kind === "comp") {
      const sc = f.scope;
      if (sc?.globals.has(name)) return this.dictDel(f.globals, this.heap.intern(name));
      if (sc?.cells.has(name) || sc?.frees.has(name)) {
        const c = f.cells.get(name);
        if (!c?.ref) return false;
        const old = c.ref;
        c.ref = null;
        this.decref(old);
        return true;
      }
      const old = f.fast.get(name);
      if (!old) return false;
      f.fast.delete(name);
      if (f.borrowed?.delete(name)) return true;
      this.decref(old);
      return true;
    }
    if (f.kind === "class" && f.classNs) {
      const old = f.classNs.get(name);
      if (!old) return false;
      f.classNs.delete(name);
      this.decref(old);
      return true;
    }
    return this.dictDel(f.globals, this.heap.intern(name));
  }

  // ---- targets ----
  store(t: Expr, v: PyObj, f: Frame): void {
    switch (t.type) {
      case "Name": return this.storeName(t.id, v, f);
      case "Attribute": {
        let o: PyObj;
        try { o = this.eval(t.value, f); } catch (x) { this.decref(v); throw x; }
        try { this.setAttr(o, t.attr, v); } finally { this.decref(o); }
        return;
      }
      case "Subscript": {
        let o: PyObj;
        try { o = this.eval(t.value, f); } catch (x) { this.decref(v); throw x; }
        let i: PyObj;
        try { i = this.eval(t.slice, f); } catch (x) { this.decref(v); this.decref(o); throw x; }
        try { this.setItem(o, i, v); } finally { this.decref(i); this.decref(o); }
        return;
      }
      case "Tuple": case "List": return this.unpack(t.elts, v, f);
      case "Starred": this.unsupported("starred assignment target");
      // falls through (unreachable)
      default: this.unsupported("assignment target " + t.type);
    }
  }

  unpack(elts: Expr[], v: PyObj, f: Frame): void {
    let items: PyObj[];
    if (v instanceof PyTuple || v instanceof PyList) items = v.items.map((x) => this.incref(x));
    else {
      const it = this.getIter(v);
      items = [];
      for (;;) { const x = this.iterNext(it); if (!x) break; items.push(x); }
      this.decref(it);
    }
    this.decref(v);
    const starAt = elts.findIndex((e) => e.type === "Starred");
    if (starAt < 0) {
      if (items.length !== elts.length) {
        items.forEach((x) => this.decref(x));
        if (items.length > elts.length) this.throwPy("ValueError", `too many values to unpack (expected ${elts.length})`);
        this.throwPy("ValueError", `not enough values to unpack (expected ${elts.length}, got ${items.length})`);
      }
      for (let i = 0; i < elts.length; i++) this.store(elts[i], items[i], f);
      return;
    }
    const after = elts.length - starAt - 1;
    if (items.length < elts.length - 1) {
      items.forEach((x) => this.decref(x));
      this.throwPy("ValueError", `not enough values to unpack (expected at least ${elts.length - 1}, got ${items.length})`);
    }
    const mid = this.heap.list(items.slice(starAt, items.length - after));
    const stored = [...items.slice(0, starAt), mid, ...items.slice(items.length - after)];
    for (let i = 0; i < elts.length; i++) {
      const e = elts[i];
      this.store(e.type === "Starred" ? e.value : e, stored[i], f);
    }
  }

  del(t: Expr, f: Frame): void {
    switch (t.type) {
      case "Name": return this.delName(t.id, f);
      case "Attribute": {
        const o = this.eval(t.value, f);
        try { this.delAttr(o, t.attr); } finally { this.decref(o); }
        return;
      }
      case "Subscript": {
        const o = this.eval(t.value, f);
        const i = this.eval(t.slice, f);
        try { this.delItem(o, i); } finally { this.decref(i); this.decref(o); }
        return;
      }
      case "Tuple": case "List": for (const e of t.elts) this.del(e, f); return;
      default: this.unsupported("del target");
    }
  }

  // ---- expressions ----
  evalConsume(e: Expr, f: Frame): PyObj { return this.eval(e, f); }

  eval(e: Expr, f: Frame): PyObj {
    switch (e.type) {
      case "Constant": return this.constObj(e);
      case "Name": return this.loadName(e.id, f);
      case "BinOp": {
        const a = this.eval(e.left, f);
        let b: PyObj;
        try { b = this.eval(e.right, f); } catch (x) { this.decref(a); throw x; }
        try { return this.binop(e.op, a, b, false); } finally { this.decref(a); this.decref(b); }
      }
      case "UnaryOp": {
        const v = this.eval(e.operand, f);
        try { return this.unary(e.op, v); } finally { this.decref(v); }
      }
      case "BoolOp": {
        let v = this.eval(e.values[0], f);
        for (let i = 1; i < e.values.length; i++) {
          const t = this.truthy(v);
          if ((e.op === "And" && !t) || (e.op === "Or" && t)) return v;
          this.decref(v);
          v = this.eval(e.values[i], f);
        }
        return v;
      }
      case "Compare": {
        if (e.ops.length === 1) { const r = this.boundedRefcountCompare(e, f); if (r) return r; }
        let left = this.eval(e.left, f);
        for (let i = 0; i < e.ops.length; i++) {
          let right: PyObj;
          try { right = this.eval(e.comparators[i], f); } catch (x) { this.decref(left); throw x; }
          let r: PyObj;
          try { r = this.compare(e.ops[i], left, right); } catch (x) { this.decref(left); this.decref(right); throw x; }
          this.decref(left);
          if (i === e.ops.length - 1 || !this.truthy(r)) { this.decref(right); return r; }
          this.decref(r);
          left = right;
        }
        return left;
      }
      case "Call": return this.evalCall(e, f);
      case "Attribute": {
        const o = this.eval(e.value, f);
        try { return this.getAttr(o, e.attr, true); } finally { this.decref(o); }
      }
      case "Subscript": {
        const o = this.eval(e.value, f);
        let i: PyObj;
        try { i = this.eval(e.slice, f); } catch (x) { this.decref(o); throw x; }
        try { return this.getItem(o, i); } finally { this.decref(i); this.decref(o); }
      }
      case "Slice": {
        const parts = this.evalElts([e.lower, e.upper, e.step].map((x) => x ?? { type: "Constant", value: { kind: "None" }, lineno: e.lineno, col_offset: e.col_offset }), f);
        return this.heap.add(new PySlice(parts[0], parts[1], parts[2]));
      }
      case "List": {
        const items = this.evalElts(e.elts, f);
        // BUILD_LIST + LIST_EXTEND of a constant tuple (3+ constant items) over-allocates
        const constRun = e.elts.length >= 3 && e.elts.every((x) => x.type === "Constant");
        return this.heap.list(items, constRun ? (items.length + 1) & ~1 : items.length);
      }
      case "Tuple": return this.heap.tuple(this.evalElts(e.elts, f));
      case "Set": {
        const items = this.evalElts(e.elts, f);
        const s = this.heap.add(new PySet());
        const viaUpdate = e.elts.length >= 3 && e.elts.every((x) => x.type === "Constant");
        if (viaUpdate) this.setPresize(s, items.length);
        for (const x of items) { this.setAdd(s, x); this.decref(x); }
        if (viaUpdate) s.fromConstant = s.map.size;
        return s;
      }
      case "Dict": {
        const d = this.heap.add(new PyDict());
        try {
          for (let i = 0; i < e.keys.length; i++) {
            const kx = e.keys[i];
            if (!kx) this.unsupported("dict unpacking");
            const k = this.eval(kx, f);
            let v: PyObj;
            try { v = this.eval(e.values[i], f); } catch (x) { this.decref(k); throw x; }
            try { this.dictSet(d, k, v); } finally { this.decref(k); }
          }
        } catch (x) { this.decref(d); throw x; }
        return d;
      }
      case "ListComp": case "SetComp": case "DictComp": return this.comprehension(e, f);
      case "GeneratorExp": return this.generatorExpression(e, f);
      case "Lambda": return this.makeFunction(e, "<lambda>", f);
      case "IfExp": return this.truthyConsume(this.eval(e.test, f)) ? this.eval(e.body, f) : this.eval(e.orelse, f);
      case "JoinedStr": {
        let s = "";
        for (const p of e.values) {
          const v = this.eval(p, f);
          s += (v as PyStr).v;
          this.decref(v);
        }
        return this.heap.str(s);
      }
      case "FormattedValue": {
        const v = this.eval(e.value, f);
        try {
          let spec = "";
          if (e.format_spec) { const sp = this.eval(e.format_spec, f); spec = (sp as PyStr).v; this.decref(sp); }
          if (e.conversion === 114) return this.heap.str(this.formatSpec(this.heap.str(this.repr(v)), spec));
          if (e.conversion === 97) this.unsupported("!a conversion");
          if (e.conversion === 115) return this.heap.str(this.formatSpec(this.heap.str(this.str(v)), spec));
          return this.heap.str(this.formatSpec(v, spec));
        } finally { this.decref(v); }
      }
      case "Starred": this.unsupported("starred expression here");
      // falls through (unreachable)
      default: {
        const never: never = e as never;
        throw new Error("unknown expression " + JSON.stringify(never));
      }
    }
  }

  evalElts(elts: Expr[], f: Frame): PyObj[] {
    const out: PyObj[] = [];
    try {
      for (const x of elts) {
        if (x.type === "Starred") {
          const it = this.iterOwned(this.eval(x.value, f));
          for (;;) { const y = this.iterNext(it); if (!y) break; out.push(y); }
          this.decref(it);
        } else out.push(this.eval(x, f));
      }
    } catch (err) {
      out.forEach((o) => this.decref(o));
      throw err;
    }
    return out;
  }

  formatSpec(v: PyObj, spec: string): string {
    if (v instanceof PyStr) return formatStr(v.v, spec, this.line);
    if (v instanceof PyBool) return spec ? formatInt(v.v ? 1n : 0n, spec, this.line) : (v.v ? "True" : "False");
    if (v instanceof PyInt) return formatInt(v.v, spec, this.line);
    if (v instanceof PyFloat) return formatFloat(v.v, spec, this.line);
    if (!spec) return this.str(v);
    this.unsupported("format spec for " + typeName(v));
  }

  /** Filled by builtins.ts: [lo, hi] for a start-up-shared object's count, or null. */
  refcountBounds: (o: PyObj) => [number, number] | null = () => null;

  /**
   * `sys.getrefcount(x) [+-] k OP n` where x is an object shared from start-up on 3.10/3.11 (None,
   * True, a small int): its count is start-up's (recorded, a range) plus what the program holds.
   * Decided when every count in that range gives the same answer; refused otherwise. Only names
   * and constants are accepted as operands, so evaluating them here has no side effects.
   */
  boundedRefcountCompare(e: ExprOf<"Compare">, f: Frame): PyObj | null {
    // (side and num are module functions: this runs for every single comparison the program makes)
    const side = refcountCallSide;
    const num = intConstOf;
    let rc = side(e.left);
    let n = num(e.comparators[0]);
    let op = e.ops[0];
    if (!rc || n === null) {
      rc = side(e.comparators[0]);
      n = num(e.left);
      const flipped = FLIPPED_CMP[op];
      if (!rc || n === null || !flipped) return null;
      op = flipped;
    }
    if (!["Lt", "LtE", "Gt", "GtE", "Eq", "NotEq"].includes(op)) return null;
    const getrefcount = this.modules.get("sys")?.attrs.get("getrefcount");
    if (!getrefcount) return null;
    let fnObj: PyObj;
    let arg: PyObj;
    try { fnObj = this.eval(rc.call.func, f); } catch (x) { if (x instanceof PyException) { this.releaseException(x); return null; } throw x; }
    this.decref(fnObj);
    if (fnObj !== getrefcount) return null;
    try { arg = this.eval(rc.call.args[0], f); } catch (x) { if (x instanceof PyException) { this.releaseException(x); return null; } throw x; }
    const b = this.refcountBounds(arg);
    this.decref(arg);
    if (!b) return null;
    const test = (v: bigint): boolean => {
      switch (op) {
        case "Lt": return v < (n as bigint);
        case "LtE": return v <= (n as bigint);
        case "Gt": return v > (n as bigint);
        case "GtE": return v >= (n as bigint);
        case "Eq": return v === n;
        default: return v !== n;
      }
    };
    const lo = BigInt(b[0]) + rc.shift;
    const hi = BigInt(b[1]) + rc.shift;
    const decided = op === "Eq" || op === "NotEq" ? (n < lo || n > hi ? test(lo) : null) : test(lo) === test(hi) ? test(lo) : null;
    if (decided === null) this.unsupported("sys.getrefcount of an object whose count depends on interpreter start-up (small int, None, interned string, built-in)");
    return this.heap.bool(decided);
  }

  comprehension(e: ExprOf<"ListComp"> | ExprOf<"SetComp"> | ExprOf<"DictComp">, f: Frame): PyObj {
    const scope = this.scopes.get(e) ?? null;
    const cf: Frame = { name: "<comp>", kind: "comp", globals: f.globals, fast: new Map(), cells: new Map(), classNs: null, scope, parent: f.kind === "class" ? this.classOuter(f) : f, line: this.line };
    countComprehensionEnter(this.heap, e);
    const result: PyObj = e.type === "ListComp" ? this.heap.list([]) : e.type === "SetComp" ? this.heap.add(new PySet()) : this.heap.add(new PyDict());
    const firstIter = this.iterOwned(this.eval(e.generators[0].iter, f));
    const loop = (gi: number, it: PyObj): void => {
      const g: Comprehension = e.generators[gi];
      try {
        for (;;) {
          const v = this.iterNext(it);
          if (!v) break;
          this.step();
          this.store(g.target, v, cf);
          if (!g.ifs.every((c) => this.truthyConsume(this.eval(c, cf)))) continue;
          if (gi + 1 < e.generators.length) {
            loop(gi + 1, this.iterOwned(this.eval(e.generators[gi + 1].iter, cf)));
            continue;
          }
          if (e.type === "DictComp") {
            const k = this.eval(e.key, cf);
            const val = this.eval(e.value, cf);
            this.dictSet(result as PyDict, k, val);
            this.decref(k);
          } else {
            const x = this.eval(e.elt, cf);
            if (result instanceof PyList) this.listAppend(result, x);
            else { this.setAdd(result as PySet, x); this.decref(x); }
          }
        }
      } finally { this.decref(it); }
    };
    try {
      loop(0, firstIter);
    } catch (err) {
      this.decref(result);
      throw err;
    } finally {
      for (const v of cf.fast.values()) this.decref(v);
      countComprehensionExit(this.heap, e);
    }
    return result;
  }

  /**
   * A generator expression runs lazily, as CPython's does: the outermost iterable is evaluated
   * and iter()'d at once in the enclosing scope; each next() resumes the loop (storing the loop
   * variable in the generator's own frame, which keeps it until the next step), tests the ifs
   * and evaluates the element. Exhausted or freed, the frame lets go of its locals.
   */
  generatorExpression(e: ExprOf<"GeneratorExp">, f: Frame): PyObj {
    if (e.generators.length !== 1) this.unsupported("a generator expression with several for clauses");
    const g = e.generators[0];
    const scope = this.scopes.get(e) ?? null;
    if (scope && scope.cells.size > 0) this.unsupported("a generator expression whose variables are captured by a closure");
    const cf: Frame = { name: "<genexpr>", kind: "comp", globals: f.globals, fast: new Map(), cells: new Map(), classNs: null, scope, parent: f.kind === "class" ? this.classOuter(f) : f, line: this.line };
    const it = this.iterOwned(this.eval(g.iter, f));
    let done = false;
    // a finished generator's frame is cleared: its locals and the iterator `.0` are released
    const finish = () => {
      done = true;
      const held = [...cf.fast.values(), it];
      cf.fast.clear();
      gen.source = this.None;
      for (const v of held) this.decref(v);
    };
    const gen: PyIterator = this.heap.add(new PyIterator(it, () => {
      if (done) return null;
      try {
        for (;;) {
          const v = this.iterNext(it);
          if (!v) { finish(); return null; }
          this.step();
          this.store(g.target, v, cf);
          if (!g.ifs.every((c) => this.truthyConsume(this.eval(c, cf)))) continue;
          return this.eval(e.elt, cf);
        }
      } catch (err) { finish(); throw err; }
    }, "generator"));
    gen.frameLocals = cf.fast;
    return gen;
  }

  classOuter(f: Frame): Frame {
    // names in a comprehension inside a class body skip the class namespace
    return { ...f, kind: "module" };
  }

  makeGenerator(lst: PyList): PyObj {
    const it = this.heap.add(new PyIterator(lst, (i) => (i < lst.items.length ? this.incref(lst.items[i]) : null), "generator"));
    return it;
  }

  // ---- functions ----
  makeFunction(def: FunctionDef | Lambda, name: string, f: Frame): PyFunction {
    const scope = this.scopes.get(def);
    if (!scope) throw new Error("no scope for function");
    const code = this.codes.get(def) ?? this.heap.add(new PyCode(name));
    this.codes.set(def, code);
    this.incref(code);
    this.incref(f.globals);
    const qual = f.kind === "class" ? `${f.name}.${name}` : f.kind === "function" ? `${f.name}.<locals>.${name}` : name;
    const fn = this.heap.add(new PyFunction(name, qual, def, code, f.globals, scope));
    for (const d of def.args.defaults) fn.defaults.push(this.eval(d, f));
    def.args.kwonly.forEach((k, i) => { const d = def.args.kwDefaults[i]; if (d) fn.kwDefaults.set(k, this.eval(d, f)); });
    for (const free of scope.frees) {
      const c = this.cellFor(free, f);
      fn.closure.push(this.incref(c));
    }
    countFunctionParts(this.heap, fn);
    return fn;
  }

  cellFor(name: string, f: Frame): PyCell {
    for (let fr: Frame | null = f; fr; fr = fr.parent) {
      const c = fr.cells.get(name);
      if (c) return c;
      if (fr.kind === "function") break;
    }
    throw new Unsupported(`closure over '${name}'`, this.line);
  }

  /** Call a Python function. args are borrowed; the callee's frame takes its own references. */
  callFunction(fn: PyFunction, args: PyObj[], kwargs: Map<string, PyObj>, borrowed: boolean[] = []): PyObj {
    if (this.frames.length > 200) this.unsupported("deep recursion");
    countFrameEnter(this.heap, fn.def);
    const releaseCaller = this.pendingRelease;
    this.pendingRelease = null;
    const def = fn.def;
    const a = def.args;
    const scope = fn.scope;
    // a function without cells or free variables shares one empty cells map (cells are only added just below)
    const cells = scope.cells.size || scope.frees.size ? new Map<string, PyCell>() : NO_CELLS;
    const frame: Frame = { name: fn.name === "<lambda>" ? "<lambda>" : fn.qualname, kind: "function", globals: fn.globals, fast: new Map(), cells, classNs: null, scope, parent: null, line: this.line, borrowed: this.prof.borrowedLocalLoads ? new Set() : undefined };
    const fast = frame.fast;
    const np = a.args.length;
    if (args.length > np && !a.vararg) {
      const given = args.length;
      this.throwPy("TypeError", `${fn.qualname}() takes ${np} positional argument${np === 1 ? "" : "s"} but ${given} ${given === 1 ? "was" : "were"} given`);
    }
    for (let i = 0; i < Math.min(np, args.length); i++) fast.set(a.args[i], this.incref(args[i]));
    if (a.vararg) fast.set(a.vararg, this.heap.tuple(args.slice(np).map((x) => this.incref(x))));
    let kwDict: PyDict | null = null;
    if (a.kwarg) kwDict = this.heap.add(new PyDict());
    if (kwargs.size) for (const [k, v] of kwargs) {
      if (a.args.includes(k) || a.kwonly.includes(k)) {
        if (frame.fast.has(k)) {
          for (const x of frame.fast.values()) this.decref(x);
          this.throwPy("TypeError", `${fn.qualname}() got multiple values for argument '${k}'`);
        }
        fast.set(k, this.incref(v));
      } else if (kwDict) this.dictSet(kwDict, this.heap.intern(k), this.incref(v));
      else {
        for (const x of frame.fast.values()) this.decref(x);
        this.throwPy("TypeError", `${fn.qualname}() got an unexpected keyword argument '${k}'`);
      }
    }
    if (kwDict && a.kwarg) fast.set(a.kwarg, kwDict);
    const firstDefault = np - fn.defaults.length;
    let missing: string[] | null = null;
    // (positional parameters were set in order above: only those past the arguments given can be unset)
    for (let i = kwargs.size ? 0 : args.length; i < np; i++) {
      const nm = a.args[i];
      if (frame.fast.has(nm)) continue;
      if (i >= firstDefault) fast.set(nm, this.incref(fn.defaults[i - firstDefault]));
      else (missing ??= []).push(nm);
    }
    for (const k of a.kwonly) {
      if (frame.fast.has(k)) continue;
      const d = fn.kwDefaults.get(k);
      if (d) fast.set(k, this.incref(d)); else (missing ??= []).push(k);
    }
    if (missing) {
      for (const x of frame.fast.values()) this.decref(x);
      const names = missing.map((m) => `'${m}'`);
      const list = names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} and ${names[1]}` : names.slice(0, -1).join(", ") + ", and " + names[names.length - 1];
      this.throwPy("TypeError", `${fn.qualname}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${list}`);
    }
    // cells: locals captured by inner functions live in cells; free variables come from the closure
    if (scope.cells.size) for (const c of scope.cells) {
      const init = frame.fast.get(c) ?? null;
      frame.fast.delete(c);
      frame.cells.set(c, this.heap.add(new PyCell(init)));
    }
    if (scope.frees.size) { let i = 0; for (const name of scope.frees) { const cell = fn.closure[i++]; if (cell) frame.cells.set(name, this.incref(cell)); } }
    releaseCaller?.run();
    // 3.14: a parameter passed from the caller's borrowed local load stays a borrowed reference
    for (let i = 0; i < Math.min(np, args.length); i++) {
      if (borrowed[i] && !scope.cells.has(a.args[i])) { frame.borrowed?.add(a.args[i]); this.decref(args[i]); }
    }
    this.frames.push(frame);
    const savedLine = this.line;
    let held = false;
    try {
      if (def.type === "Lambda") return this.eval(def.body, frame);
      const sig = this.execBlock(def.body, frame);
      if (sig?.k === "return") return sig.v;
      if (sig) this.unsupported("'" + sig.k + "' outside loop");
      return this.None;
    } catch (e) {
      // a traceback keeps the frame (and its locals) alive until the exception is released
      if (e instanceof PyException) { e.frames.push(frame); held = true; }
      throw e;
    } finally {
      this.frames.pop();
      this.line = savedLine;
      if (!held) { this.clearFrame(frame); countFrameExit(this.heap, def); } else countUnknown(this.heap);
    }
  }

  /** The exception is no longer referenced: its traceback's frames go, innermost first. */
  releaseException(e: PyException): void {
    this.decref(e.exc);
    const frames = e.frames;
    e.frames = [];
    for (const fr of frames) this.clearFrame(fr);
  }

  clearFrame(frame: Frame): void {
    // locals are released in co_varnames order (parameters first), then cells
    const order = frame.scope?.locals;
    if (order && frame.fast.size) for (const name of order) {
      const v = frame.fast.get(name);
      if (v) { frame.fast.delete(name); if (!frame.borrowed?.has(name)) this.decref(v); }
    }
    if (frame.fast.size) { for (const v of frame.fast.values()) this.decref(v); frame.fast.clear(); }
    if (frame.cells.size) { for (const c of frame.cells.values()) this.decref(c); frame.cells.clear(); }
  }

  evalCall(e: ExprOf<"Call">, f: Frame): PyObj {
    // method call: LOAD_METHOD avoids a bound method object; self travels as the first argument
    let fn: PyObj;
    let self: PyObj | null = null;
    if (e.func.type === "Attribute") {
      const obj = this.eval(e.func.value, f);
      try {
        const m = this.findMethod(obj, e.func.attr);
        if (m) { fn = m; self = obj; }
        else {
          this.heap.loadingMethod = true;
          try { fn = this.getAttr(obj, e.func.attr, true); } finally { this.heap.loadingMethod = false; }
          this.decref(obj);
        }
      } catch (x) { this.decref(obj); throw x; }
    } else fn = this.eval(e.func, f);
    const args: PyObj[] = self ? [self] : [];
    // most calls have no keywords: they share one empty map (only this function ever adds to a kwargs map)
    const kwargs = e.keywords.length ? new Map<string, PyObj>() : NO_KWARGS;
    try {
      for (const a of e.args) {
        if (a.type === "Starred") {
          const it = this.iterOwned(this.eval(a.value, f));
          for (;;) { const y = this.iterNext(it); if (!y) break; args.push(y); }
          this.decref(it);
        } else args.push(this.eval(a, f));
      }
      for (const k of e.keywords) {
        if (k.arg === null) {
          const d = this.eval(k.value, f);
          if (!(d instanceof PyDict)) { this.decref(d); this.unsupported("** of a non-dict"); }
          for (const en of d.map.values()) kwargs.set((en.key as PyStr).v, this.incref(en.value));
          this.decref(d);
        } else kwargs.set(k.arg, this.eval(k.value, f));
      }
    } catch (x) {
      args.forEach((a) => this.decref(a));
      kwargs.forEach((a) => this.decref(a));
      this.decref(fn);
      throw x;
    }
    // 3.14: a fast local passed straight to a builtin is a borrowed stack reference
    let borrowed = NO_BORROWED;
    if (this.prof.borrowedLocalLoads && f.kind === "function") {
      const isBorrowedLoad = (a: Expr) => a.type === "Name" && !!f.scope?.locals.has(a.id) && !f.scope.cells.has(a.id);
      borrowed = [...(self && e.func.type === "Attribute" ? [isBorrowedLoad(e.func.value)] : []), ...e.args.map(isBorrowedLoad)];
    }
    try {
      return this.callObject(fn, args, kwargs, true, borrowed);
    } finally {
      this.decref(fn);
    }
  }

  /** Call with owned args when fromPython (released as the bytecode would), else borrowed. */
  callObject(fn: PyObj, args: PyObj[], kwargs: Map<string, PyObj>, fromPython: boolean, borrowed: boolean[] = NO_BORROWED): PyObj {
    this.step();
    // (no closure per call: this runs for every call the program makes)
    if (fn instanceof PyFunction) {
      if (fromPython && !this.prof.callerKeepsArgs) {
        // 3.11+: the frame steals the stack's references
        let r: PyObj;
        const moving = new CallerRelease(this, args, kwargs);
        try {
          r = this.callFunctionMoving(fn, args, kwargs, moving, borrowed);
        } finally { moving.run(); }
        return r;
      }
      try { return this.callFunction(fn, args, kwargs, borrowed); } finally { if (fromPython) this.releaseArgs(args, kwargs); }
    }
    if (fn instanceof PyMethod) {
      try { return this.callObject(fn.func, [fn.self, ...args], kwargs, false); } finally { if (fromPython) this.releaseArgs(args, kwargs); }
    }
    if (fn instanceof PyBuiltin) {
      try {
        this.borrowedArgs = borrowed;
        return fn.fn(fn.self ? [fn.self, ...args] : args, kwargs);
      } finally { this.borrowedArgs = NO_BORROWED; if (fromPython) this.releaseArgs(args, kwargs); }
    }
    if (fn instanceof PyType) {
      if (fn.builtin) countBuiltinTypeCall(this.heap, fn.name, kwargs.size);
      else countCallPackBegin(this.heap, args.length, kwargs.size);
      try { return this.callType(fn, args, kwargs); } finally {
        this.heap.typeAllocKind = "";
        if (!fn.builtin) countCallPackEnd(this.heap, args.length, kwargs.size);
        if (fromPython) this.releaseArgs(args, kwargs);
      }
    }
    if (fn instanceof PyWeakref) {
      if (fromPython) this.releaseArgs(args, kwargs);
      if (args.length || kwargs.size) this.throwPy("TypeError", `weakref() takes no arguments`);
      if (this.autoGcUncertain && fn.target && fn.target.tracked) this.unsupported("a weak reference read after an automatic collection may have run");
      return this.incref(fn.target ?? this.None);
    }
    if (fn instanceof PyInstance) {
      const call = fn.cls.lookup("__call__");
      if (call) { try { return this.callObject(call, [fn, ...args], kwargs, false); } finally { if (fromPython) this.releaseArgs(args, kwargs); } }
    }
    if (fromPython) this.releaseArgs(args, kwargs);
    this.throwPy("TypeError", `'${typeName(fn)}' object is not callable`);
  }
  /** The caller's owned arguments, released as the bytecode releases its stack. */
  releaseArgs(args: PyObj[], kwargs: Map<string, PyObj>): void {
    for (let i = 0; i < args.length; i++) this.decref(args[i]);
    if (kwargs.size) for (const a of kwargs.values()) this.decref(a);
  }
  borrowedArgs: boolean[] = [];

  /** Like callFunction, but the caller's references are released once the frame holds its own. */
  callFunctionMoving(fn: PyFunction, args: PyObj[], kwargs: Map<string, PyObj>, releaseCaller: CallerRelease, borrowed: boolean[]): PyObj {
    this.pendingRelease = releaseCaller;
    return this.callFunction(fn, args, kwargs, borrowed);
  }
  pendingRelease: CallerRelease | null = null;

  callType(t: PyType, args: PyObj[], kwargs: Map<string, PyObj>): PyObj {
    const ctor = this.typeCtors.get(t);
    if (ctor) return ctor(args, kwargs);
    return this.instantiate(t, args, kwargs);
  }
  typeCtors = new Map<PyType, BuiltinFn>();

  instantiate(t: PyType, args: PyObj[], kwargs: Map<string, PyObj> = new Map()): PyInstance {
    if (t.lookup("__new__")) this.unsupported("__new__");
    const o = this.heap.add(new PyInstance(t));
    this.incref(t);
    if (t.slots) o.slotValues = new Map();
    const isExc = t.isSubtypeOf(this.getType("BaseException"));
    if (isExc) o.args = this.heap.tuple(args.map((a) => this.incref(a)));
    const init = t.lookup("__init__");
    if (init && !(init instanceof PyBuiltin)) {
      try {
        const r = this.callObject(init, [o, ...args], kwargs, false);
        if (r !== this.None) { this.decref(r); this.throwPy("TypeError", "__init__() should return None, not '" + typeName(r) + "'"); }
      } catch (x) { this.decref(o); throw x; }
    } else if (!isExc && (args.length || kwargs.size)) {
      this.decref(o);
      this.throwPy("TypeError", `${t.name}() takes no arguments`);
    }
    return o;
  }

  makeClass(s: StmtOf<"ClassDef">, f: Frame): PyType {
    const bases: PyType[] = [];
    for (const b of s.bases) {
      const v = this.eval(b, f);
      if (!(v instanceof PyType)) { this.decref(v); this.unsupported("class base that is not a class"); }
      if (v.builtin && v !== this.getType("object") && !v.isSubtypeOf(this.getType("BaseException"))) { this.decref(v); this.unsupported(`subclassing built-in '${v.name}'`); }
      bases.push(v);
    }
    const ns = new Map<string, PyObj>();
    const cf: Frame = { name: f.kind === "function" ? `${f.name}.<locals>.${s.name}` : s.name, kind: "class", globals: f.globals, fast: new Map(), cells: new Map(), classNs: ns, scope: this.scopes.get(s) ?? null, parent: f, line: this.line };
    const sig = this.execBlock(s.body, cf);
    if (sig) this.unsupported("'" + sig.k + "' in class body");
    const t = this.heap.add(new PyType(s.name, bases.length ? bases : [this.getType("object")]));
    if (!bases.length) this.incref(this.getType("object"));
    t.mro = computeMro(t);
    for (const [k, v] of ns) t.dict.set(k, v);
    const slots = ns.get("__slots__");
    const names: string[] = [];
    if (slots) {
      const items = slots instanceof PyTuple || slots instanceof PyList ? slots.items : [slots];
      for (const it of items) { if (!(it instanceof PyStr)) this.unsupported("__slots__ of non-strings"); names.push(it.v); }
      if (t.mro.slice(1).some((b) => !b.builtin && !b.slots)) this.unsupported("__slots__ with a base class that has a __dict__");
      // "__dict__" and "__weakref__" in __slots__ are not slots: they give instances a dict or
      // weak-reference support (and the class a getset descriptor for it)
      t.slots = names.filter((n) => n !== "__dict__" && n !== "__weakref__");
      t.ownDictSlot = names.includes("__dict__");
      t.ownWeakrefSlot = names.includes("__weakref__");
      t.hasDictSlot = names.includes("__dict__") || t.mro.slice(1).some((b) => !b.builtin && b.hasDictSlot);
      t.hasWeakrefSlot = names.includes("__weakref__") || t.mro.slice(1).some((b) => !b.builtin && b.hasWeakrefSlot);
    }
    for (const b of t.mro) if (!b.builtin && !b.slots) { t.hasDictSlot = true; t.hasWeakrefSlot = true; }
    if (ns.has("__eq__") && !ns.has("__hash__")) t.dict.set("__hash__", this.None);
    // a class's own reference cycle keeps it alive: its __mro__ tuple, and each descriptor it
    // adds (a member descriptor per slot, the __dict__/__weakref__ getsets) holds the class
    const internal = t.slots
      ? 1 + t.slots.length + (names.includes("__dict__") ? 1 : 0) + (names.includes("__weakref__") ? 1 : 0)
      : 3;
    t.rc += internal;
    t.internalRefs = internal;
    return t;
  }

  getType(name: string): PyType {
    const t = this.types.get(name);
    if (!t) throw new Error("no type " + name);
    return t;
  }

  toException(v: PyObj): PyInstance {
    if (v instanceof PyType) {
      if (!v.isSubtypeOf(this.getType("BaseException"))) this.throwPy("TypeError", "exceptions must derive from BaseException");
      const e = this.instantiate(v, []);
      this.decref(v);
      return e;
    }
    if (v instanceof PyInstance && v.cls.isSubtypeOf(this.getType("BaseException"))) return v;
    this.decref(v);
    this.throwPy("TypeError", "exceptions must derive from BaseException");
  }

  runFinalizer(o: PyInstance): void {
    const del = o.cls.lookup("__del__");
    if (!del) return;
    try {
      const r = this.callObject(del, [o], new Map(), false);
      this.decref(r);
    } catch (e) {
      if (e instanceof PyException) this.unsupported("exception ignored in __del__");
      throw e;
    }
  }

  importModule(name: string): PyModule {
    const m = this.modules.get(name) ?? this.moduleFactories.get(name)?.();
    if (!m) this.unsupported(`import of module '${name}'`);
    return m;
  }
  moduleFactories = new Map<string, () => PyModule>();

  // ---- attributes ----
  /** An instance attribute (borrowed), from the inline values or the materialized __dict__. */
  instAttr(o: PyInstance, name: string): PyObj | undefined {
    if (o.dictObj) return o.dictObj.map.get("s" + name)?.value;
    return o.attrs?.get(name);
  }
  instAttrEntries(o: PyInstance): [string, PyObj][] {
    if (o.dictObj) return [...o.dictObj.map.values()].map((e) => [(e.key as PyStr).v, e.value]);
    return o.attrs ? [...o.attrs] : [];
  }
  /**
   * From 3.13 only classes whose instances are a bare object header keep inline values; a
   * class with slots and "__dict__" in them gets an ordinary dict on its first attribute set.
   */
  slottedDictIsReal(o: PyInstance): boolean {
    return this.prof.version >= "3.13" && o.cls.slots !== null && o.cls.hasDictSlot;
  }
  /** `obj.__dict__`: from now on the attributes live in a real dict object. */
  materializeDict(o: PyInstance): PyDict {
    if (o.dictObj) return o.dictObj;
    countUnknown(this.heap); // 3.10 had the dict all along; 3.11+ make it from the inline values
    const d = this.heap.add(new PyDict());
    d.instanceDict = true;
    if (!this.prof.materializedDictTracked && !this.slottedDictIsReal(o)) { d.inlineValues = true; d.tracked = false; }
    for (const [k, v] of o.attrs ?? []) this.dictSet(d, this.heap.intern(k), v);
    o.attrs = null;
    o.dictObj = d;
    o.dictMaterialized = true;
    return d;
  }

  /** A plain function found on the type for obj.name(...) (LOAD_METHOD), or null. */
  findMethod(obj: PyObj, name: string): PyObj | null {
    if (obj instanceof PyInstance) {
      if (this.instAttr(obj, name)) return null;
      const v = obj.cls.lookup(name);
      if (v instanceof PyFunction) return this.incref(v);
      return null;
    }
    return null;
  }

  getAttr(obj: PyObj, name: string, raise: boolean): PyObj {
    const v = this.getAttrOrNull(obj, name);
    if (v) return v;
    if (!raise) return this.None;
    // the "Did you mean" hint searches dir(obj): recorded for built-in types, computed for plain classes
    if (name.startsWith("_")) this.unsupported("AttributeError on a dunder or private name");
    let cands: string[];
    const tn = typeName(obj);
    if (obj instanceof PyInstance && !obj.cls.mro.some((t) => t.builtin && t.name !== "object")) {
      const set = new Set<string>();
      this.instAttrEntries(obj).forEach(([k]) => set.add(k));
      for (const t of obj.cls.mro) if (!t.builtin) t.dict.forEach((_, k) => set.add(k));
      obj.slotValues?.forEach((_, k) => set.add(k));
      obj.cls.slots?.forEach((k) => set.add(k));
      cands = [...set].sort();
    } else if (!(obj instanceof PyInstance) && BUILTIN_DIRS[this.prof.version][tn]) {
      cands = BUILTIN_DIRS[this.prof.version][tn];
    } else this.unsupported(`AttributeError on '${tn}'`);
    const hint = suggestFrom(name, cands, false);
    try {
      if (obj instanceof PyModule) this.throwPy("AttributeError", `module '${obj.name}' has no attribute '${name}'`);
      if (obj instanceof PyType) this.throwPy("AttributeError", `type object '${obj.name}' has no attribute '${name}'`);
      this.throwPy("AttributeError", `'${tn}' object has no attribute '${name}'`);
    } catch (e) {
      if (e instanceof PyException && hint) e.exc.suggestion = `. Did you mean: '${hint}'?`;
      throw e;
    }
  }

  getAttrOrNull(obj: PyObj, name: string): PyObj | null {
    if (obj instanceof PyInstance) {
      if (obj.cls.builtin && !obj.cls.isSubtypeOf(this.getType("BaseException"))) return this.builtinAttr(obj, name);
      if (name === "__class__") return this.incref(obj.cls);
      if (name === "__dict__") {
        if (obj.cls.slots !== null && !obj.cls.hasDictSlot) this.throwPy("AttributeError", `'${obj.cls.name}' object has no attribute '__dict__'`);
        return this.incref(this.materializeDict(obj));
      }
      const sv = obj.slotValues?.get(name);
      if (sv) return this.incref(sv);
      const cv = obj.cls.lookup(name);
      if (cv instanceof PyProperty) return this.callObject(cv.fget, [obj], new Map(), false);
      const av = this.instAttr(obj, name);
      if (av) return this.incref(av);
      if (obj.cls.isSubtypeOf(this.getType("BaseException")) && name === "args" && obj.args) return this.incref(obj.args);
      if (cv) {
        if (cv instanceof PyFunction) return this.heap.add(new PyMethod(this.incref(cv), this.incref(obj)));
        return this.incref(cv);
      }
      const ga = obj.cls.lookup("__getattr__");
      if (ga) return this.callObject(ga, [obj, this.heap.str(name)], new Map(), false);
      return null;
    }
    if (obj instanceof PyType) {
      if (name === "__name__") return this.heap.str(obj.name);
      if (name === "__qualname__") return this.heap.str(obj.name);
      if (name === "__mro__") this.unsupported("__mro__");
      const v = obj.lookup(name);
      if (v) return this.incref(v);
      return null;
    }
    if (obj instanceof PyModule) {
      const v = obj.attrs.get(name);
      return v ? this.incref(v) : null;
    }
    if (obj instanceof PyFunction) {
      if (name === "__name__") return this.heap.str(obj.name);
      if (name === "__qualname__") return this.heap.str(obj.qualname);
      this.unsupported(`function attribute '${name}'`);
    }
    return this.builtinAttr(obj, name);
  }

  /** Hook filled by builtins.ts: methods of built-in types, bound. */
  builtinAttr: (obj: PyObj, name: string) => PyObj | null = () => null;

  setAttr(obj: PyObj, name: string, v: PyObj): void {
    if (obj instanceof PyInstance) {
      const cv = obj.cls.lookup(name);
      if (cv instanceof PyProperty) { this.decref(v); this.unsupported("property setter"); }
      if (obj.cls.slots !== null && (!obj.cls.hasDictSlot || obj.cls.mro.some((t) => t.slots?.includes(name)))) {
        if (!obj.cls.mro.some((t) => t.slots?.includes(name))) {
          this.decref(v);
          this.throwPy("AttributeError", `'${obj.cls.name}' object has no attribute '${name}'${this.prof.version >= "3.13" ? " and no __dict__ for setting new attributes" : ""}`);
        }
        const sv = obj.slotValues ?? (obj.slotValues = new Map());
        const old = sv.get(name);
        sv.set(name, v);
        this.decref(old);
        return;
      }
      if (obj.cls.lookup("__setattr__")) { this.decref(v); this.unsupported("__setattr__"); }
      if (name === "__dict__") { this.decref(v); this.unsupported("assigning __dict__"); }
      if (!obj.dictObj && this.slottedDictIsReal(obj)) this.materializeDict(obj);
      if (obj.dictObj) { this.dictSet(obj.dictObj, this.heap.intern(name), v); return; }
      if (obj.finalized) countUnknown(this.heap); // a store on a finalized object (from its __del__): not replayed
      if (!obj.attrs) { obj.attrs = new Map(); countInstanceDict(this.heap); }
      const old = obj.attrs.get(name);
      obj.attrs.set(name, v);
      this.decref(old);
      return;
    }
    if (obj instanceof PyType && !obj.builtin) {
      const old = obj.dict.get(name);
      obj.dict.set(name, v);
      this.decref(old);
      return;
    }
    if (obj instanceof PyFunction) { this.decref(v); this.unsupported("function attributes"); }
    this.decref(v);
    if (obj instanceof PyModule) this.unsupported("setting module attributes");
    this.throwPy("AttributeError", `'${typeName(obj)}' object has no attribute '${name}'`);
  }

  delAttr(obj: PyObj, name: string): void {
    if (obj instanceof PyInstance) {
      const sv = obj.slotValues?.get(name);
      if (sv && obj.slotValues) { obj.slotValues.delete(name); this.decref(sv); return; }
      if (obj.dictObj) {
        if (this.dictDel(obj.dictObj, this.heap.intern(name))) return;
        this.throwPy("AttributeError", this.prof.version === "3.10" ? name : `'${obj.cls.name}' object has no attribute '${name}'`);
      }
      const av = obj.attrs?.get(name);
      if (av && obj.attrs) {
        // deleting an attribute materializes the instance dict in 3.11+: sizes and counts change
        if (!this.prof.instanceDictCounted) obj.dictMaterialized = true;
        obj.attrs.delete(name);
        this.decref(av);
        return;
      }
      this.throwPy("AttributeError", this.prof.version === "3.10" ? name : `'${obj.cls.name}' object has no attribute '${name}'`);
    }
    if (obj instanceof PyType && !obj.builtin) {
      const v = obj.dict.get(name);
      if (v) { obj.dict.delete(name); this.decref(v); return; }
      this.throwPy("AttributeError", `type object '${obj.name}' has no attribute '${name}'`);
    }
    this.unsupported("del of attribute on " + typeName(obj));
  }

  // ---- items ----
  getItem(o: PyObj, i: PyObj): PyObj { return this.itemOps.get(o, i); }
  setItem(o: PyObj, i: PyObj, v: PyObj): void { this.itemOps.set(o, i, v); }
  delItem(o: PyObj, i: PyObj): void { this.itemOps.del(o, i); }
  itemOps!: { get(o: PyObj, i: PyObj): PyObj; set(o: PyObj, i: PyObj, v: PyObj): void; del(o: PyObj, i: PyObj): void };

  // ---- iteration ----
  getIter(v: PyObj): PyObj { return this.iterOps.iter(v); }
  /** GET_ITER on an owned value: the iterator keeps what it needs, the value's reference is dropped. */
  iterOwned(v: PyObj): PyObj { try { return this.getIter(v); } finally { this.decref(v); } }
  /** Next item (a new reference) or null when exhausted. */
  iterNext(it: PyObj): PyObj | null { return this.iterOps.next(it); }
  iterOps!: { iter(v: PyObj): PyObj; next(it: PyObj): PyObj | null };

  // ---- lists and sets ----
  listAppend(l: PyList, v: PyObj): void {
    this.listResize(l, l.items.length + 1);
    l.items.push(v);
  }
  /** list_resize: CPython's over-allocation rule. */
  listResize(l: PyList, newsize: number): void {
    if (l.allocated >= newsize && newsize >= l.allocated >> 1) return;
    if (newsize === 0) { l.allocated = 0; return; }
    let na = (newsize + (newsize >> 3) + 6) & ~3;
    if (newsize - l.items.length > na - newsize) na = (newsize + 3) & ~3;
    l.allocated = na;
  }
  setPresize(s: PySet, n: number): void {
    if (n * 5 >= s.mask * 3) {
      let size = 8;
      while (size <= n * 2) size <<= 1;
      s.mask = size - 1;
    }
  }
  setAdd(s: PySet, v: PyObj): void {
    const k = this.key(v, "set element");
    if (s.map.has(k)) return;
    if (s.map.size === 0 && s.firstMask < 0) s.firstMask = s.mask;
    s.map.set(k, this.incref(v));
    s.fill++;
    if (s.fill * 5 >= s.mask * 3) {
      const used = s.map.size;
      const minused = used > 50000 ? used * 2 : used * 4;
      let size = 8;
      while (size <= minused) size <<= 1;
      s.mask = size - 1;
      s.fill = used;
    }
  }

  // ---- truth, operators, comparisons, text: filled in by builtins.ts ----
  truthy(v: PyObj): boolean { return this.ops.truthy(v); }
  truthyConsume(v: PyObj): boolean { try { return this.truthy(v); } finally { this.decref(v); } }
  binop(op: string, a: PyObj, b: PyObj, inplace: boolean): PyObj { return this.ops.binop(op, a, b, inplace); }
  unary(op: string, v: PyObj): PyObj { return this.ops.unary(op, v); }
  compare(op: string, a: PyObj, b: PyObj): PyObj { return this.ops.compare(op, a, b); }
  repr(v: PyObj): string { return this.ops.repr(v); }
  str(v: PyObj): string { return this.ops.str(v); }
  ops!: { truthy(v: PyObj): boolean; binop(op: string, a: PyObj, b: PyObj, inplace: boolean): PyObj; unary(op: string, v: PyObj): PyObj; compare(op: string, a: PyObj, b: PyObj): PyObj; repr(v: PyObj): string; str(v: PyObj): string };

  collectGarbage(gen: number): number { return collect(this.heap, gen, this.line); }
}


function isContainer(o: PyObj): boolean {
  if (o.tracked) return true;
  switch (o.kind) {
    case "list": case "dict": case "set": case "instance": case "function": case "type": return true;
    case "tuple": return (o as PyTuple).items.length > 0;
    default: return false;
  }
}

export function computeMro(t: PyType): PyType[] {
  // C3 linearization (of one base: the class, then that base's own MRO, the common case)
  if (t.bases.length === 1) return [t, ...t.bases[0].mro];
  const seqs: PyType[][] = [...t.bases.map((b) => [...b.mro]), [...t.bases]];
  const out: PyType[] = [t];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length);
    if (!nonEmpty.length) return out;
    let cand: PyType | null = null;
    for (const s of nonEmpty) {
      const c = s[0];
      if (!nonEmpty.some((o) => o.indexOf(c) > 0)) { cand = c; break; }
    }
    if (!cand) throw new Unsupported("inconsistent MRO", 0);
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

/**
 * The closest candidate, as CPython computes it: suggestions.c in 3.10/3.11 (no initial cap),
 * traceback.py's _compute_suggestion_error from 3.12 (a match must beat len(wrong_name)).
 */
export function suggestFrom(wrong: string, candidates: string[], capAtLength: boolean): string | null {
  if (candidates.length > 750 || wrong.length > 40) return null;
  let best = capAtLength ? wrong.length : Number.MAX_SAFE_INTEGER;
  let suggestion: string | null = null;
  for (const c of candidates) {
    if (c === wrong) continue;
    const maxDist = Math.min(Math.floor(((c.length + wrong.length + 3) * 2) / 6), best - 1);
    if (c.length > 40) continue;
    const d = levenshtein(wrong, c, maxDist);
    if (d > maxDist) continue;
    if (suggestion === null || d < best) { suggestion = c; best = d; }
  }
  return suggestion;
}

const STDLIB_NAMES = new Set(["sys", "gc", "weakref", "copy", "threading", "math", "os", "time", "random", "re", "json", "string", "collections", "itertools", "functools", "typing", "abc", "io", "array", "heapq", "bisect", "queue", "types", "operator", "statistics", "decimal", "fractions", "datetime", "calendar", "pickle", "socket", "select", "signal", "struct", "codecs", "ast", "dis", "inspect", "site", "token", "this", "test", "glob", "shutil", "tempfile", "logging", "argparse", "csv", "enum", "errno", "platform", "pprint", "secrets", "uuid", "zlib", "gzip", "hashlib", "hmac", "base64", "binascii", "textwrap", "difflib", "unittest", "doctest", "traceback", "warnings", "contextlib", "dataclasses", "pathlib", "subprocess", "asyncio", "concurrent", "multiprocessing", "builtins", "marshal", "numbers", "cmath", "code", "keyword", "linecache", "locale", "mmap", "nt", "posix", "pwd", "resource", "stat", "symtable", "tty", "turtle", "wave", "xml", "zipfile", "zoneinfo", "email", "html", "http", "urllib", "sched", "sqlite3", "ssl", "tarfile", "timeit", "trace", "tracemalloc", "venv", "webbrowser", "wsgiref", "graphlib", "imp", "importlib", "pdb", "profile", "pstats", "pty", "pydoc", "readline", "reprlib", "rlcompleter", "runpy", "selectors", "shelve", "shlex", "smtplib", "sndhdr", "spwd", "stringprep", "sysconfig", "syslog", "tabnanny", "telnetlib", "termios", "tkinter", "tomllib", "uu", "xdrlib", "zipapp", "zipimport", "mailbox", "mimetypes", "netrc", "nis", "nntplib", "ntpath", "opcode", "optparse", "ossaudiodev", "pickletools", "pipes", "pkgutil", "plistlib", "poplib", "posixpath", "py_compile", "pyclbr", "quopri", "crypt", "ctypes", "curses", "dbm", "encodings", "ensurepip", "faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch", "ftplib", "genericpath", "getopt", "getpass", "gettext", "grp", "idlelib", "imaplib", "imghdr", "ipaddress", "lib2to3", "lzma", "bz2", "cProfile", "cgi", "cgitb", "chunk", "cmd", "codeop", "colorsys", "compileall", "configparser", "contextvars", "copyreg", "aifc", "antigravity", "asynchat", "asyncore", "atexit", "audioop", "bdb", "distutils", "msilib", "msvcrt", "winreg", "winsound", "nturl2path", "smtpd", "sre_compile", "sre_constants", "sre_parse", "xmlrpc", "_thread"]);

/** traceback.py's _compute_suggestion_error: is some name close enough to be suggested? */
export function hasSuggestion(wrong: string, candidates: Iterable<string>): boolean {
  for (const c of candidates) {
    if (c === wrong) continue;
    // best_distance starts at len(wrong_name): a match must be strictly closer than that
    const maxDist = Math.min(Math.floor(((c.length + wrong.length + 3) * 2) / 6), wrong.length - 1);
    if (Math.abs(c.length - wrong.length) * 2 > maxDist) continue;
    if (levenshtein(wrong, c, maxDist) <= maxDist) return true;
  }
  return false;
}
function lowerUnits(s: string): string[] {
  const out: string[] = [];
  for (let k = 0; k < s.length; k++) out.push(s[k].toLowerCase());
  return out;
}
function levenshtein(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const MOVE = 2;
  const CASE = 1;
  // each code unit lowered once, not once per pair compared (suggestions run this per candidate)
  // callers only ask whether the distance is at most max: past it, any larger answer will do
  // (as suggestions.c's cutoffs): each character of the length difference costs a MOVE, and a
  // row's minimum never decreases in the rows below it
  if (Math.abs(a.length - b.length) * MOVE > max) return max + 1;
  const la = lowerUnits(a);
  const lb = lowerUnits(b);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j * MOVE);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i * MOVE];
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : la[i - 1] === lb[j - 1] ? CASE : MOVE;
      cur[j] = Math.min(prev[j] + MOVE, cur[j - 1] + MOVE, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

export { floatRepr, strRepr, PyRange, PyWeakref, PyWeakValueDict, PyNone, PyCode };
