// The compile step: constant folding as CPython's AST optimizer does it, symbol-table scope
// analysis (local / cell / free / global per function), and the constants of each code object.
// One compilation unit (a script, or one REPL input) shares one object per equal constant, as
// CPython's compiler const cache merges them; every code object using a constant holds a reference.

import type { ConstValue, Expr, ExprOf, Stmt, StmtOf, Arguments, Comprehension, ExceptHandler, WithItem } from "./ast";
import type { ScopeInfo } from "./objects";
import { PySyntaxError } from "./tokenizer";

const MAX_INT_BITS = 128;
const MAX_COLLECTION = 256;
const MAX_STR = 4096;
const MAX_TOTAL_ITEMS = 1024;

export function constKey(c: ConstValue): string {
  switch (c.kind) {
    case "int": return "i" + c.v;
    case "float": return "f" + (Object.is(c.v, -0) ? "-0" : String(c.v));
    case "str": return "s" + c.v;
    case "bool": return "b" + c.v;
    case "None": return "N";
    case "Ellipsis": return "E";
    case "tuple": return "t(" + c.items.map(constKey).join(",") + ")";
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function bits(v: bigint): number { return (v < 0n ? -v : v).toString(2).length; }

/** Fold a binary operation on two constants as CPython's optimizer would, or return null. */
function foldBin(op: string, a: ConstValue, b: ConstValue): ConstValue | null {
  if (a.kind === "int" && b.kind === "int") {
    switch (op) {
      case "Add": return { kind: "int", v: a.v + b.v };
      case "Sub": return { kind: "int", v: a.v - b.v };
      case "Mult": {
        if (a.v !== 0n && b.v !== 0n && bits(a.v) + bits(b.v) > MAX_INT_BITS) return null;
        return { kind: "int", v: a.v * b.v };
      }
      case "Pow": {
        if (b.v < 0n) return null;
        if (a.v !== 0n && b.v > 0n && bits(a.v) * Number(b.v) > MAX_INT_BITS) return null;
        return { kind: "int", v: a.v ** b.v };
      }
      case "FloorDiv": return b.v === 0n ? null : { kind: "int", v: floorDiv(a.v, b.v) };
      case "Mod": return b.v === 0n ? null : { kind: "int", v: a.v - floorDiv(a.v, b.v) * b.v };
      case "LShift": return b.v < 0n || b.v > 128n || bits(a.v) + Number(b.v) > MAX_INT_BITS ? null : { kind: "int", v: a.v << b.v };
      case "RShift": return b.v < 0n ? null : { kind: "int", v: a.v >> b.v };
      case "BitAnd": return { kind: "int", v: a.v & b.v };
      case "BitOr": return { kind: "int", v: a.v | b.v };
      case "BitXor": return { kind: "int", v: a.v ^ b.v };
      default: return null;
    }
  }
  if (a.kind === "str" && b.kind === "str" && op === "Add") {
    return a.v.length + b.v.length > MAX_STR ? null : { kind: "str", v: a.v + b.v };
  }
  if (a.kind === "str" && b.kind === "int" && op === "Mult") {
    const n = b.v < 0n ? 0 : Number(b.v);
    if (a.v.length && (n > MAX_STR || a.v.length * n > MAX_STR)) return null;
    return { kind: "str", v: a.v.repeat(n) };
  }
  if (a.kind === "tuple" && b.kind === "int" && op === "Mult") {
    const n = b.v < 0n ? 0 : Number(b.v);
    if (a.items.length && (n > MAX_COLLECTION || a.items.length * n > MAX_COLLECTION)) return null;
    const items: ConstValue[] = [];
    for (let i = 0; i < n; i++) items.push(...a.items);
    if (items.length > MAX_TOTAL_ITEMS) return null;
    return { kind: "tuple", items };
  }
  if (a.kind === "tuple" && b.kind === "tuple" && op === "Add") return { kind: "tuple", items: [...a.items, ...b.items] };
  const fa = a.kind === "float" ? a.v : a.kind === "int" ? Number(a.v) : null;
  const fb = b.kind === "float" ? b.v : b.kind === "int" ? Number(b.v) : null;
  if (fa !== null && fb !== null && (a.kind === "float" || b.kind === "float")) {
    switch (op) {
      case "Add": return { kind: "float", v: fa + fb };
      case "Sub": return { kind: "float", v: fa - fb };
      case "Mult": return { kind: "float", v: fa * fb };
      case "Div": return fb === 0 ? null : { kind: "float", v: fa / fb };
      default: return null;
    }
  }
  if (a.kind === "int" && b.kind === "int" && op === "Div") return null;
  return null;
}

/**
 * xs.map(f), but xs itself when f changed nothing: folding leaves most nodes as they are, and
 * copying every node of every program was the costliest part of compiling.
 */
function mapSame<T>(xs: T[], f: (x: T) => T): T[] {
  for (let i = 0; i < xs.length; i++) {
    const y = f(xs[i]);
    if (y !== xs[i]) {
      const out = xs.slice(0, i);
      out.push(y);
      for (let k = i + 1; k < xs.length; k++) out.push(f(xs[k]));
      return out;
    }
  }
  return xs;
}
const foldOpt = (e: Expr | null): Expr | null => (e ? foldExpr(e) : null);

/** Fold constants in an expression tree (bottom-up), as CPython's ast_opt does. A node nothing folds in is returned as it is. */
export function foldExpr(e: Expr): Expr {
  switch (e.type) {
    case "BinOp": {
      const left = foldExpr(e.left);
      const right = foldExpr(e.right);
      if (left.type === "Constant" && right.type === "Constant") {
        const v = foldBin(e.op, left.value, right.value);
        if (v) return { type: "Constant", value: v, lineno: e.lineno, col_offset: e.col_offset };
      }
      return left === e.left && right === e.right ? e : { ...e, left, right };
    }
    case "UnaryOp": {
      const operand = foldExpr(e.operand);
      if (operand.type === "Constant") {
        const c = operand.value;
        if (e.op === "USub" && c.kind === "int") return { type: "Constant", value: { kind: "int", v: -c.v }, lineno: e.lineno, col_offset: e.col_offset };
        if (e.op === "USub" && c.kind === "float") return { type: "Constant", value: { kind: "float", v: -c.v }, lineno: e.lineno, col_offset: e.col_offset };
        if (e.op === "Invert" && c.kind === "int") return { type: "Constant", value: { kind: "int", v: ~c.v }, lineno: e.lineno, col_offset: e.col_offset };
        if (e.op === "UAdd" && (c.kind === "int" || c.kind === "float")) return { ...operand, lineno: e.lineno, col_offset: e.col_offset };
        if (e.op === "Not" && c.kind !== "tuple") {
          const truth = c.kind === "int" ? c.v !== 0n : c.kind === "float" ? c.v !== 0 : c.kind === "str" ? c.v !== "" : c.kind === "bool" ? c.v : c.kind === "Ellipsis";
          return { type: "Constant", value: { kind: "bool", v: !truth }, lineno: e.lineno, col_offset: e.col_offset };
        }
      }
      return operand === e.operand ? e : { ...e, operand };
    }
    case "Tuple": {
      const elts = mapSame(e.elts, foldExpr);
      if (e.ctx === "Load" && elts.every((x) => x.type === "Constant")) {
        const items = elts.map((x) => (x.type === "Constant" ? x.value : { kind: "None" as const }));
        return { type: "Constant", value: { kind: "tuple", items }, lineno: e.lineno, col_offset: e.col_offset };
      }
      return elts === e.elts ? e : { ...e, elts };
    }
    case "List": case "Set": { const elts = mapSame(e.elts, foldExpr); return elts === e.elts ? e : { ...e, elts }; }
    case "Dict": {
      const keys = mapSame(e.keys, foldOpt);
      const values = mapSame(e.values, foldExpr);
      return keys === e.keys && values === e.values ? e : { ...e, keys, values };
    }
    case "BoolOp": { const values = mapSame(e.values, foldExpr); return values === e.values ? e : { ...e, values }; }
    case "Compare": {
      const left = foldExpr(e.left);
      const comparators = mapSame(e.comparators, foldExpr);
      return left === e.left && comparators === e.comparators ? e : { ...e, left, comparators };
    }
    case "Call": {
      const func = foldExpr(e.func);
      const args = mapSame(e.args, foldExpr);
      const keywords = mapSame(e.keywords, (k) => { const value = foldExpr(k.value); return value === k.value ? k : { ...k, value }; });
      return func === e.func && args === e.args && keywords === e.keywords ? e : { ...e, func, args, keywords };
    }
    case "Attribute": { const value = foldExpr(e.value); return value === e.value ? e : { ...e, value }; }
    case "Subscript": {
      const value = foldExpr(e.value);
      const slice = foldExpr(e.slice);
      // fold_subscr: a constant str or tuple indexed by a constant int
      if (e.ctx === "Load" && value.type === "Constant" && slice.type === "Constant" && slice.value.kind === "int") {
        const c = value.value;
        const seq = c.kind === "str" ? [...c.v] : c.kind === "tuple" ? c.items : null;
        if (seq) {
          let k = Number(slice.value.v);
          if (k < 0) k += seq.length;
          if (k >= 0 && k < seq.length) {
            const item = seq[k];
            const v: ConstValue = typeof item === "string" ? { kind: "str", v: item } : item;
            return { type: "Constant", value: v, lineno: e.lineno, col_offset: e.col_offset };
          }
        }
      }
      return value === e.value && slice === e.slice ? e : { ...e, value, slice };
    }
    case "Slice": {
      const lower = foldOpt(e.lower);
      const upper = foldOpt(e.upper);
      const step = foldOpt(e.step);
      return lower === e.lower && upper === e.upper && step === e.step ? e : { ...e, lower, upper, step };
    }
    case "ListComp": case "SetComp": case "GeneratorExp": {
      const elt = foldExpr(e.elt);
      const generators = mapSame(e.generators, foldComp);
      return elt === e.elt && generators === e.generators ? e : { ...e, elt, generators };
    }
    case "DictComp": {
      const key = foldExpr(e.key);
      const value = foldExpr(e.value);
      const generators = mapSame(e.generators, foldComp);
      return key === e.key && value === e.value && generators === e.generators ? e : { ...e, key, value, generators };
    }
    case "Lambda": {
      const args = foldArgs(e.args);
      const body = foldExpr(e.body);
      return args === e.args && body === e.body ? e : { ...e, args, body };
    }
    case "IfExp": {
      const test = foldExpr(e.test);
      const body = foldExpr(e.body);
      const orelse = foldExpr(e.orelse);
      return test === e.test && body === e.body && orelse === e.orelse ? e : { ...e, test, body, orelse };
    }
    case "JoinedStr": { const values = mapSame(e.values, foldExpr); return values === e.values ? e : { ...e, values }; }
    case "FormattedValue": case "Starred": { const value = foldExpr(e.value); return value === e.value ? e : { ...e, value }; }
    case "Constant": case "Name": return e;
  }
}
/** fold_iter: a list display iterated over is built as a tuple (a constant one when it can be). */
function foldIter(e: Expr): Expr {
  return e.type === "List" ? foldExpr({ ...e, type: "Tuple" } as Expr) : foldExpr(e);
}
function foldComp(c: Comprehension): Comprehension {
  const iter = foldIter(c.iter);
  const ifs = mapSame(c.ifs, foldExpr);
  return iter === c.iter && ifs === c.ifs ? c : { target: c.target, iter, ifs };
}
function foldArgs(a: Arguments): Arguments {
  const defaults = mapSame(a.defaults, foldExpr);
  const kwDefaults = mapSame(a.kwDefaults, foldOpt);
  return defaults === a.defaults && kwDefaults === a.kwDefaults ? a : { ...a, defaults, kwDefaults };
}
export function foldStmts(body: Stmt[]): Stmt[] { return mapSame(body, foldStmt); }
const foldHandler = (h: ExceptHandler): ExceptHandler => { const exType = foldOpt(h.exType); const body = foldStmts(h.body); return exType === h.exType && body === h.body ? h : { ...h, exType, body }; };
const foldWithItem = (i: WithItem): WithItem => { const context_expr = foldExpr(i.context_expr); return context_expr === i.context_expr ? i : { context_expr, optional_vars: i.optional_vars }; };
/** A statement with its expressions folded; the statement itself when nothing in it folds (no copy made to find out). */
function foldStmt(s: Stmt): Stmt {
  switch (s.type) {
    case "Expr": { const value = foldExpr(s.value); return value === s.value ? s : { ...s, value }; }
    case "Assign": {
      const targets = mapSame(s.targets, foldTarget);
      const value = foldExpr(s.value);
      return targets === s.targets && value === s.value ? s : { ...s, targets, value };
    }
    case "AugAssign": {
      const target = foldTarget(s.target);
      const value = foldExpr(s.value);
      return target === s.target && value === s.value ? s : { ...s, target, value };
    }
    case "AnnAssign": { const value = s.value && foldExpr(s.value); return value === s.value ? s : { ...s, value }; }
    case "If": case "While": {
      const test = foldExpr(s.test);
      const body = foldStmts(s.body);
      const orelse = foldStmts(s.orelse);
      return test === s.test && body === s.body && orelse === s.orelse ? s : { ...s, test, body, orelse };
    }
    case "For": {
      const target = foldTarget(s.target);
      const iter = foldIter(s.iter);
      const body = foldStmts(s.body);
      const orelse = foldStmts(s.orelse);
      return target === s.target && iter === s.iter && body === s.body && orelse === s.orelse ? s : { ...s, target, iter, body, orelse };
    }
    case "FunctionDef": {
      const args = foldArgs(s.args);
      const body = foldStmts(s.body);
      const decorators = mapSame(s.decorators, foldExpr);
      return args === s.args && body === s.body && decorators === s.decorators ? s : { ...s, args, body, decorators };
    }
    case "ClassDef": {
      const bases = mapSame(s.bases, foldExpr);
      const body = foldStmts(s.body);
      const decorators = mapSame(s.decorators, foldExpr);
      return bases === s.bases && body === s.body && decorators === s.decorators ? s : { ...s, bases, body, decorators };
    }
    case "Return": { const value = s.value && foldExpr(s.value); return value === s.value ? s : { ...s, value }; }
    case "Delete": { const targets = mapSame(s.targets, foldTarget); return targets === s.targets ? s : { ...s, targets }; }
    case "Try": {
      const body = foldStmts(s.body);
      const handlers = mapSame(s.handlers, foldHandler);
      const orelse = foldStmts(s.orelse);
      const finalbody = foldStmts(s.finalbody);
      return body === s.body && handlers === s.handlers && orelse === s.orelse && finalbody === s.finalbody ? s : { ...s, body, handlers, orelse, finalbody };
    }
    case "Raise": {
      const exc = s.exc && foldExpr(s.exc);
      const cause = s.cause && foldExpr(s.cause);
      return exc === s.exc && cause === s.cause ? s : { ...s, exc, cause };
    }
    case "With": {
      const items = mapSame(s.items, foldWithItem);
      const body = foldStmts(s.body);
      return items === s.items && body === s.body ? s : { ...s, items, body };
    }
    case "Assert": {
      const test = foldExpr(s.test);
      const msg = s.msg && foldExpr(s.msg);
      return test === s.test && msg === s.msg ? s : { ...s, test, msg };
    }
    default: return s;
  }
}
function foldTarget(t: Expr): Expr {
  switch (t.type) {
    case "Subscript": { const value = foldExpr(t.value); const slice = foldExpr(t.slice); return value === t.value && slice === t.slice ? t : { ...t, value, slice }; }
    case "Attribute": { const value = foldExpr(t.value); return value === t.value ? t : { ...t, value }; }
    case "Tuple": case "List": { const elts = mapSame(t.elts, foldTarget); return elts === t.elts ? t : { ...t, elts }; }
    case "Starred": { const value = foldTarget(t.value); return value === t.value ? t : { ...t, value }; }
    default: return t;
  }
}

// ---- scopes ----

type ScopeNode = object;

interface RawScope { kind: "module" | "function" | "class"; assigned: Set<string>; used: Set<string>; globals: Set<string> | null; nonlocals: Set<string> | null; children: RawScope[]; node: ScopeNode; order: string[]; info: ScopeInfo | null }

/** The sets of a scope that declares no global (shared, never written to). */
const NO_NAMES: Set<string> = new Set();

/** Symbol-table analysis: the ScopeInfo of every function, lambda, class body and comprehension node, added to out. */
export function analyzeScopes(body: Stmt[], out: Map<ScopeNode, ScopeInfo> = new Map()): Map<ScopeNode, ScopeInfo> {
  const root = newScope("module", body, null, null);
  for (const st of body) walkStmt(st, root);
  makeScopeInfo(root, out);
  // bottom-up: names each scope needs from an enclosing function (tentatively free); then
  // top-down: a tentative free is free only if an enclosing function defines it
  const needs = new Map<RawScope, Set<string>>();
  scopeNeeds(root, needs);
  bindFrees(root, [], needs);
  return out;
}
// (module-level functions rather than closures: analyzeScopes runs for every simulated program)
function makeScopeInfo(s: RawScope, out: Map<ScopeNode, ScopeInfo>): void {
  for (const c of s.children) makeScopeInfo(c, out);
  if (s.kind === "module") return;
  let locals = s.assigned;
  if (s.globals || s.nonlocals) {
    locals = new Set<string>();
    for (const n of s.order) if (!s.globals?.has(n) && !s.nonlocals?.has(n)) locals.add(n);
  }
  // (assigned holds the same names in the same order as order: it is the locals set when nothing is declared)
  const info: ScopeInfo = { locals, cells: new Set(), frees: new Set(), globals: s.globals ?? new Set() };
  s.info = info;
  out.set(s.node, info);
}
function scopeNeeds(s: RawScope, needs: Map<RawScope, Set<string>>): Set<string> {
  let childNeeds: Set<string> | null = null;
  for (const c of s.children) {
    const cn = scopeNeeds(c, needs);
    if (cn.size) { childNeeds ??= new Set(); for (const n of cn) childNeeds.add(n); }
  }
  const result = new Set<string>();
  const info = s.info;
  if (!info) return result;
  const globals = s.globals ?? NO_NAMES;
  if (s.kind === "class") {
    if (childNeeds) for (const n of childNeeds) result.add(n);
    for (const n of s.used) if (!s.assigned.has(n) && !globals.has(n)) result.add(n);
  } else {
    for (const n of s.used) needName(n, info, globals, childNeeds, result);
    if (s.nonlocals) for (const n of s.nonlocals) needName(n, info, globals, childNeeds, result);
    if (childNeeds) for (const n of childNeeds) needName(n, info, globals, childNeeds, result);
  }
  needs.set(s, result);
  return result;
}
function needName(n: string, info: ScopeInfo, globals: Set<string>, childNeeds: Set<string> | null, result: Set<string>): void {
  if (info.locals.has(n)) { if (childNeeds?.has(n)) info.cells.add(n); return; }
  if (globals.has(n)) return;
  result.add(n);
}
function bindFrees(s: RawScope, enclosing: Set<string>[], needs: Map<RawScope, Set<string>>): void {
  const info = s.info;
  const tentative = needs.get(s);
  if (info && tentative) for (const n of tentative) { for (const e of enclosing) if (e.has(n)) { info.frees.add(n); break; } }
  if (!s.children.length) return;
  let inner = enclosing;
  if (s.kind === "function" && info) {
    const names = new Set(info.locals);
    for (const n of info.frees) names.add(n);
    inner = [...enclosing, names];
  }
  for (const c of s.children) bindFrees(c, inner, needs);
}

function newScope(kind: RawScope["kind"], node: ScopeNode, parent: RawScope | null, a: Arguments | null): RawScope {
  const s: RawScope = { kind, assigned: new Set(), used: new Set(), globals: null, nonlocals: null, children: [], node, order: [], info: null };
  if (a) {
    for (const n of a.args) assign(s, n);
    if (a.vararg) assign(s, a.vararg);
    for (const n of a.kwonly) assign(s, n);
    if (a.kwarg) assign(s, a.kwarg);
  }
  parent?.children.push(s);
  return s;
}
// The module scope's own names are never read (its code uses the globals dict; a free name of a
// function resolves only against enclosing functions): they are not recorded.
function assign(s: RawScope, name: string): void {
  if (s.kind !== "module" && !s.assigned.has(name)) { s.assigned.add(name); s.order.push(name); }
}
function use(s: RawScope, name: string): void {
  if (s.kind !== "module") s.used.add(name);
}

function walkStmt(st: Stmt, s: RawScope): void {
  switch (st.type) {
    case "Expr": walkExpr(st.value, s); break;
    case "Assign": walkExpr(st.value, s); for (const t of st.targets) walkTarget(t, s); break;
    case "AugAssign": walkExpr(st.value, s); walkTarget(st.target, s); if (st.target.type === "Name") use(s, st.target.id); break;
    case "AnnAssign": if (st.value) walkExpr(st.value, s); walkTarget(st.target, s); break;
    case "If": case "While": walkExpr(st.test, s); for (const x of st.body) walkStmt(x, s); for (const x of st.orelse) walkStmt(x, s); break;
    case "For": walkExpr(st.iter, s); walkTarget(st.target, s); for (const x of st.body) walkStmt(x, s); for (const x of st.orelse) walkStmt(x, s); break;
    case "FunctionDef": {
      for (const d of st.args.defaults) walkExpr(d, s);
      for (const d of st.args.kwDefaults) if (d) walkExpr(d, s);
      for (const d of st.decorators) walkExpr(d, s);
      assign(s, st.name);
      const f = newScope("function", st, s, st.args);
      for (const x of st.body) walkStmt(x, f);
      break;
    }
    case "ClassDef": {
      for (const b of st.bases) walkExpr(b, s);
      for (const d of st.decorators) walkExpr(d, s);
      assign(s, st.name);
      const c = newScope("class", st, s, null);
      for (const x of st.body) walkStmt(x, c);
      break;
    }
    case "Return": if (st.value) walkExpr(st.value, s); break;
    case "Delete": for (const t of st.targets) walkTarget(t, s); break;
    case "Try":
      for (const x of st.body) walkStmt(x, s);
      for (const h of st.handlers) { if (h.exType) walkExpr(h.exType, s); if (h.name) assign(s, h.name); for (const x of h.body) walkStmt(x, s); }
      for (const x of st.orelse) walkStmt(x, s);
      for (const x of st.finalbody) walkStmt(x, s);
      break;
    case "Raise": if (st.exc) walkExpr(st.exc, s); if (st.cause) walkExpr(st.cause, s); break;
    case "Import": for (const a of st.names) assign(s, a.asname ?? a.name.split(".")[0]); break;
    case "ImportFrom": for (const a of st.names) assign(s, a.asname ?? a.name); break;
    case "Global": s.globals ??= new Set(); for (const n of st.names) s.globals.add(n); break;
    case "Nonlocal": s.nonlocals ??= new Set(); for (const n of st.names) s.nonlocals.add(n); break;
    case "With": for (const i of st.items) { walkExpr(i.context_expr, s); if (i.optional_vars) walkTarget(i.optional_vars, s); } for (const x of st.body) walkStmt(x, s); break;
    case "Assert": walkExpr(st.test, s); if (st.msg) walkExpr(st.msg, s); break;
    case "Break": case "Continue": case "Pass": break;
  }
}

function walkTarget(t: Expr, s: RawScope): void {
  switch (t.type) {
    case "Name": assign(s, t.id); break;
    case "Tuple": case "List": for (const e of t.elts) walkTarget(e, s); break;
    case "Starred": walkTarget(t.value, s); break;
    default: walkExpr(t, s);
  }
}

function walkComp(node: ScopeNode, gens: Comprehension[], elts: Expr[], s: RawScope): void {
  // the first iterable is evaluated in the enclosing scope
  walkExpr(gens[0].iter, s);
  const c = newScope("function", node, s, null);
  gens.forEach((g, i) => {
    if (i > 0) walkExpr(g.iter, c);
    walkTarget(g.target, c);
    for (const x of g.ifs) walkExpr(x, c);
  });
  for (const e of elts) walkExpr(e, c);
}

function walkExpr(e: Expr, s: RawScope): void {
  switch (e.type) {
    case "Name": use(s, e.id); break;
    case "ListComp": case "SetComp": case "GeneratorExp": walkComp(e, e.generators, [e.elt], s); break;
    case "DictComp": walkComp(e, e.generators, [e.key, e.value], s); break;
    case "Lambda": {
      for (const d of e.args.defaults) walkExpr(d, s);
      const f = newScope("function", e, s, e.args);
      walkExpr(e.body, f);
      break;
    }
    default: forEachChildWith(e, walkExpr, s);
  }
}

/** The constants of one code object, in first-use order, with their constKey at the same index. */
export interface CodeConsts { values: ConstValue[]; keys: string[]; seen: Set<string> | null }

/** The constants each code object of a unit uses, keyed by the node that owns the code. */
export function collectConsts(body: Stmt[], scopes: Map<ScopeNode, ScopeInfo>, nodes: (Expr | string)[] | null = null): Map<ScopeNode, CodeConsts> {
  const c: ConstCollector = { out: new Map(), scopes, nodes, owner: body };
  for (const s of body) ccStmt(s, c);
  return c.out;
}
// (a state record and module-level functions, no closures: this runs for every simulated program)
interface ConstCollector {
  out: Map<ScopeNode, CodeConsts>;
  scopes: Map<ScopeNode, ScopeInfo>;
  /** Filled with each Constant node and its key, in walk order, when given. */
  nodes: (Expr | string)[] | null;
  /** The code object being collected for. */
  owner: ScopeNode;
}
function ccAdd(c: ConstCollector, owner: ScopeNode, v: ConstValue): string {
  let cc = c.out.get(owner);
  if (!cc) { cc = { values: [], keys: [], seen: null }; c.out.set(owner, cc); }
  const k = constKey(v);
  // most code objects have a handful of constants: a linear search, and a set only past that
  if (cc.seen ? cc.seen.has(k) : cc.keys.indexOf(k) >= 0) return k;
  cc.values.push(v);
  cc.keys.push(k);
  if (cc.seen) cc.seen.add(k);
  else if (cc.keys.length > 16) cc.seen = new Set(cc.keys);
  return k;
}
/** ex(e, owner) of the walk: e's constants go to the code object c.owner. */
function ccExpr(e: Expr, c: ConstCollector): void {
  const owner = c.owner;
  switch (e.type) {
    case "Constant": { const k = ccAdd(c, owner, e.value); if (c.nodes) c.nodes.push(e, k); return; }
    case "ListComp": case "SetComp": case "GeneratorExp": case "DictComp": {
      const inner = c.scopes.has(e) ? e : owner;
      ccExpr(e.generators[0].iter, c);
      c.owner = inner;
      for (let i = 0; i < e.generators.length; i++) {
        const g = e.generators[i];
        if (i > 0) ccExpr(g.iter, c);
        for (const x of g.ifs) ccExpr(x, c);
        if (g.target.type !== "Name") forEachChildWith(g.target, ccExpr, c);
      }
      if (e.type === "DictComp") { ccExpr(e.key, c); ccExpr(e.value, c); } else ccExpr(e.elt, c);
      c.owner = owner;
      return;
    }
    case "Lambda": {
      for (const d of e.args.defaults) ccExpr(d, c);
      c.owner = e;
      ccExpr(e.body, c);
      c.owner = owner;
      return;
    }
    default: forEachChildWith(e, ccExpr, c);
  }
}
function ccStmt(s: Stmt, c: ConstCollector): void {
  const owner = c.owner;
  switch (s.type) {
    case "FunctionDef":
      for (const d of s.args.defaults) ccExpr(d, c);
      for (const d of s.args.kwDefaults) if (d) ccExpr(d, c);
      for (const d of s.decorators) ccExpr(d, c);
      c.owner = s;
      for (const b of s.body) ccStmt(b, c);
      c.owner = owner;
      return;
    case "ClassDef":
      for (const d of s.bases) ccExpr(d, c);
      c.owner = s;
      for (const b of s.body) ccStmt(b, c);
      c.owner = owner;
      return;
    default: forEachStmtPartWith(s, ccExpr, ccStmt, c);
  }
}

export function forEachChild(e: Expr, f: (c: Expr) => void): void {
  switch (e.type) {
    case "Name": case "Constant": return;
    case "BinOp": f(e.left); f(e.right); return;
    case "UnaryOp": f(e.operand); return;
    case "BoolOp": e.values.forEach(f); return;
    case "Compare": f(e.left); e.comparators.forEach(f); return;
    case "Call": f(e.func); e.args.forEach(f); e.keywords.forEach((k) => f(k.value)); return;
    case "Attribute": f(e.value); return;
    case "Subscript": f(e.value); f(e.slice); return;
    case "Slice": if (e.lower) f(e.lower); if (e.upper) f(e.upper); if (e.step) f(e.step); return;
    case "List": case "Tuple": case "Set": e.elts.forEach(f); return;
    case "Dict": e.keys.forEach((k) => k && f(k)); e.values.forEach(f); return;
    case "ListComp": case "SetComp": case "GeneratorExp": f(e.elt); e.generators.forEach((g) => { f(g.iter); g.ifs.forEach(f); }); return;
    case "DictComp": f(e.key); f(e.value); e.generators.forEach((g) => { f(g.iter); g.ifs.forEach(f); }); return;
    case "Lambda": e.args.defaults.forEach(f); f(e.body); return;
    case "IfExp": f(e.test); f(e.body); f(e.orelse); return;
    case "JoinedStr": e.values.forEach(f); return;
    case "FormattedValue": f(e.value); if (e.format_spec) f(e.format_spec); return;
    case "Starred": f(e.value); return;
  }
}

/** forEachChild with a context argument instead of a closure per visited node (the compiler's walks are hot). */
export function forEachChildWith<C>(e: Expr, f: (c: Expr, ctx: C) => void, ctx: C): void {
  switch (e.type) {
    case "Name": case "Constant": return;
    case "BinOp": f(e.left, ctx); f(e.right, ctx); return;
    case "UnaryOp": f(e.operand, ctx); return;
    case "BoolOp": for (const x of e.values) f(x, ctx); return;
    case "Compare": f(e.left, ctx); for (const x of e.comparators) f(x, ctx); return;
    case "Call": f(e.func, ctx); for (const x of e.args) f(x, ctx); for (const k of e.keywords) f(k.value, ctx); return;
    case "Attribute": f(e.value, ctx); return;
    case "Subscript": f(e.value, ctx); f(e.slice, ctx); return;
    case "Slice": if (e.lower) f(e.lower, ctx); if (e.upper) f(e.upper, ctx); if (e.step) f(e.step, ctx); return;
    case "List": case "Tuple": case "Set": for (const x of e.elts) f(x, ctx); return;
    case "Dict": for (const k of e.keys) if (k) f(k, ctx); for (const x of e.values) f(x, ctx); return;
    case "ListComp": case "SetComp": case "GeneratorExp": f(e.elt, ctx); for (const g of e.generators) { f(g.iter, ctx); for (const x of g.ifs) f(x, ctx); } return;
    case "DictComp": f(e.key, ctx); f(e.value, ctx); for (const g of e.generators) { f(g.iter, ctx); for (const x of g.ifs) f(x, ctx); } return;
    case "Lambda": for (const x of e.args.defaults) f(x, ctx); f(e.body, ctx); return;
    case "IfExp": f(e.test, ctx); f(e.body, ctx); f(e.orelse, ctx); return;
    case "JoinedStr": for (const x of e.values) f(x, ctx); return;
    case "FormattedValue": f(e.value, ctx); if (e.format_spec) f(e.format_spec, ctx); return;
    case "Starred": f(e.value, ctx); return;
  }
}

/** forEachStmtPart with a context argument instead of closures. */
function forEachStmtPartWith<C>(s: Stmt, fe: (e: Expr, ctx: C) => void, fs: (s: Stmt, ctx: C) => void, ctx: C): void {
  switch (s.type) {
    case "Expr": fe(s.value, ctx); return;
    case "Assign": fe(s.value, ctx); for (const t of s.targets) if (t.type !== "Name") forEachChildWith(t, fe, ctx); return;
    case "AugAssign": fe(s.value, ctx); if (s.target.type !== "Name") forEachChildWith(s.target, fe, ctx); return;
    case "AnnAssign": if (s.value) fe(s.value, ctx); return;
    case "If": case "While": fe(s.test, ctx); for (const b of s.body) fs(b, ctx); for (const b of s.orelse) fs(b, ctx); return;
    case "For": fe(s.iter, ctx); if (s.target.type !== "Name") forEachChildWith(s.target, fe, ctx); for (const b of s.body) fs(b, ctx); for (const b of s.orelse) fs(b, ctx); return;
    case "Return": if (s.value) fe(s.value, ctx); return;
    case "Delete": for (const t of s.targets) if (t.type !== "Name") forEachChildWith(t, fe, ctx); return;
    case "Try": for (const b of s.body) fs(b, ctx); for (const h of s.handlers) { if (h.exType) fe(h.exType, ctx); for (const b of h.body) fs(b, ctx); } for (const b of s.orelse) fs(b, ctx); for (const b of s.finalbody) fs(b, ctx); return;
    case "Raise": if (s.exc) fe(s.exc, ctx); if (s.cause) fe(s.cause, ctx); return;
    case "With": for (const it of s.items) fe(it.context_expr, ctx); for (const b of s.body) fs(b, ctx); return;
    case "Assert": fe(s.test, ctx); if (s.msg) fe(s.msg, ctx); return;
    default: return;
  }
}

export interface CompileWarning { line: number; msg: string }

// what compileWarnings looks for, as sets made once
const WARN_LIT_EXCLUDED = new Set<string>(["None", "bool", "Ellipsis"]);
const UNSUBSCRIPTABLE_KINDS = new Set<string>(["int", "float", "bool", "None", "Ellipsis"]);
const UNSUBSCRIPTABLE_NODES = new Set<string>(["Set", "SetComp", "GeneratorExp", "Lambda", "JoinedStr"]);
const SEQUENCE_NODES = new Set<string>(["List", "ListComp", "Tuple", "JoinedStr"]);
const BAD_INDEX_NODES = new Set<string>(["Tuple", "List", "Dict", "Set", "JoinedStr", "ListComp", "SetComp", "DictComp", "GeneratorExp", "Lambda"]);
const NOT_CALLABLE_NODES = new Set<string>(["List", "Tuple", "Dict", "Set", "ListComp", "SetComp", "DictComp", "GeneratorExp", "JoinedStr"]);

/**
 * The SyntaxWarnings CPython's compiler emits, in the order it emits them (source order: nested
 * code is compiled where it is defined). Modelled: `is`/`is not` with a literal (check_compare:
 * the left operand if it is a literal, else the right one; one warning per comparison) and an
 * assert of a non-empty tuple. Calling or subscripting a literal ("perhaps you missed a
 * comma?") is refused (`unsupported` set). Runs on the folded tree, as the compiler sees it.
 */
export function compileWarnings(body: Stmt[], version: string): { warnings: CompileWarning[]; unsupported: number | null } {
  const state: LiteralFinder = { found: null, warnings: [], version };
  for (const s of body) litStmt(s, state);
  return { warnings: state.warnings, unsupported: state.found };
}
// (a state record and module-level functions, not closures: this walk runs for every program)
interface LiteralFinder { found: number | null; warnings: CompileWarning[]; version: string }
const warnLit = (e: Expr) => e.type === "Constant" && !WARN_LIT_EXCLUDED.has(e.value.kind);
const typeOfLit = (e: Expr): string => (e.type === "Constant" ? (e.value.kind === "str" ? "str" : e.value.kind) : "object");
function isMsg(op: string, e: Expr, version: string): string {
  const [word, fix] = op === "Is" ? ["is", "=="] : ["is not", "!="];
  return version >= "3.12" ? `"${word}" with '${typeOfLit(e)}' literal. Did you mean "${fix}"?` : `"${word}" with a literal. Did you mean "${fix}"?`;
}
/** check_compare: the first `is`/`is not` with a literal on either side warns (left operand preferred). */
function compareWarning(e: ExprOf<"Compare">, st: LiteralFinder): void {
  let left = e.left;
  for (let i = 0; i < e.ops.length; i++) {
    const op = e.ops[i];
    const right = e.comparators[i];
    if ((op === "Is" || op === "IsNot") && (warnLit(left) || warnLit(right))) {
      st.warnings.push({ line: e.lineno, msg: isMsg(op, warnLit(left) ? left : right, st.version) });
      return;
    }
    left = right;
  }
}
function assertWarning(s: StmtOf<"Assert">, st: LiteralFinder): void {
  if (s.test.type === "Tuple" && s.test.elts.length > 0) st.warnings.push({ line: s.lineno, msg: "assertion is always true, perhaps remove parentheses?" });
  if (s.test.type === "Constant" && s.test.value.kind === "tuple" && s.test.value.items.length > 0) st.warnings.push({ line: s.lineno, msg: "assertion is always true, perhaps remove parentheses?" });
}
const notSubscriptable = (e: Expr) => (e.type === "Constant" && UNSUBSCRIPTABLE_KINDS.has(e.value.kind)) || UNSUBSCRIPTABLE_NODES.has(e.type);
const isSequence = (e: Expr) => (e.type === "Constant" && (e.value.kind === "str" || e.value.kind === "tuple")) || SEQUENCE_NODES.has(e.type);
const badIndex = (e: Expr) => (e.type === "Constant" && e.value.kind !== "int" && e.value.kind !== "bool") || BAD_INDEX_NODES.has(e.type);
const notCallable = (e: Expr) => e.type === "Constant" || NOT_CALLABLE_NODES.has(e.type);
function litExpr(e: Expr, st: LiteralFinder): void {
  if (st.found !== null) return;
  if (e.type === "Subscript" && (notSubscriptable(e.value) || (isSequence(e.value) && e.slice.type !== "Slice" && badIndex(e.slice)))) st.found = e.lineno;
  if (e.type === "Call" && notCallable(e.func)) st.found = e.lineno;
  if (e.type === "Compare") compareWarning(e, st);
  forEachChildWith(e, litExpr, st);
}
function litStmt(s: Stmt, st: LiteralFinder): void {
  if (s.type === "FunctionDef") { for (const d of s.args.defaults) litExpr(d, st); for (const d of s.decorators) litExpr(d, st); for (const b of s.body) litStmt(b, st); return; }
  if (s.type === "ClassDef") { for (const d of s.bases) litExpr(d, st); for (const b of s.body) litStmt(b, st); return; }
  if (s.type === "Assert") assertWarning(s, st);
  forEachStmtPartWith(s, litExpr, litStmt, st);
  if (s.type === "Assign") for (const t of s.targets) litExpr(t, st);
}

/** The compiler's context checks: return outside a function, break/continue outside a loop. */
export function checkContext(body: Stmt[]): void {
  checkBlock(body, false, false);
}
function checkBlock(ss: Stmt[], inFunc: boolean, inLoop: boolean): void {
  for (const s of ss) {
    switch (s.type) {
      case "Return": if (!inFunc) throw new PySyntaxError("'return' outside function", s.lineno, s.col_offset + 1); break;
      case "Break": if (!inLoop) throw new PySyntaxError("'break' outside loop", s.lineno, s.col_offset + 1); break;
      case "Continue": if (!inLoop) throw new PySyntaxError("'continue' not properly in loop", s.lineno, s.col_offset + 1); break;
      case "FunctionDef": checkBlock(s.body, true, false); break;
      case "ClassDef": checkBlock(s.body, false, false); break;
      case "While": case "For": checkBlock(s.body, inFunc, true); checkBlock(s.orelse, inFunc, inLoop); break;
      case "If": checkBlock(s.body, inFunc, inLoop); checkBlock(s.orelse, inFunc, inLoop); break;
      case "With": checkBlock(s.body, inFunc, inLoop); break;
      case "Try": checkBlock(s.body, inFunc, inLoop); for (const h of s.handlers) checkBlock(h.body, inFunc, inLoop); checkBlock(s.orelse, inFunc, inLoop); checkBlock(s.finalbody, inFunc, inLoop); break;
      default: break;
    }
  }
}
