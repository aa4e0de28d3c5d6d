// The compile step: constant folding as CPython's AST optimizer does it, symbol-table scope
// analysis (local / cell / free / global per function), and the constants of each code object.
// One compilation unit (a script, or one REPL input) shares one object per equal constant, as
// CPython's compiler const cache merges them; every code object using a constant holds a reference.

import type { ConstValue, Expr, Stmt, Arguments, Comprehension } from "./ast";
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

/** Fold constants in an expression tree (bottom-up), as CPython's ast_opt does. */
export function foldExpr(e: Expr): Expr {
  switch (e.type) {
    case "BinOp": {
      const left = foldExpr(e.left);
      const right = foldExpr(e.right);
      if (left.type === "Constant" && right.type === "Constant") {
        const v = foldBin(e.op, left.value, right.value);
        if (v) return { type: "Constant", value: v, lineno: e.lineno, col_offset: e.col_offset };
      }
      return { ...e, left, right };
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
      return { ...e, operand };
    }
    case "Tuple": {
      const elts = e.elts.map(foldExpr);
      if (e.ctx === "Load" && elts.every((x) => x.type === "Constant")) {
        const items = elts.map((x) => (x.type === "Constant" ? x.value : { kind: "None" as const }));
        return { type: "Constant", value: { kind: "tuple", items }, lineno: e.lineno, col_offset: e.col_offset };
      }
      return { ...e, elts };
    }
    case "List": return { ...e, elts: e.elts.map(foldExpr) };
    case "Set": return { ...e, elts: e.elts.map(foldExpr) };
    case "Dict": return { ...e, keys: e.keys.map((k) => (k ? foldExpr(k) : null)), values: e.values.map(foldExpr) };
    case "BoolOp": return { ...e, values: e.values.map(foldExpr) };
    case "Compare": return { ...e, left: foldExpr(e.left), comparators: e.comparators.map(foldExpr) };
    case "Call": return { ...e, func: foldExpr(e.func), args: e.args.map(foldExpr), keywords: e.keywords.map((k) => ({ ...k, value: foldExpr(k.value) })) };
    case "Attribute": return { ...e, value: foldExpr(e.value) };
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
      return { ...e, value, slice };
    }
    case "Slice": return { ...e, lower: e.lower && foldExpr(e.lower), upper: e.upper && foldExpr(e.upper), step: e.step && foldExpr(e.step) };
    case "ListComp": case "SetComp": case "GeneratorExp": return { ...e, elt: foldExpr(e.elt), generators: e.generators.map(foldComp) };
    case "DictComp": return { ...e, key: foldExpr(e.key), value: foldExpr(e.value), generators: e.generators.map(foldComp) };
    case "Lambda": return { ...e, args: foldArgs(e.args), body: foldExpr(e.body) };
    case "IfExp": return { ...e, test: foldExpr(e.test), body: foldExpr(e.body), orelse: foldExpr(e.orelse) };
    case "JoinedStr": return { ...e, values: e.values.map(foldExpr) };
    case "FormattedValue": return { ...e, value: foldExpr(e.value) };
    case "Starred": return { ...e, value: foldExpr(e.value) };
    case "Constant": case "Name": return e;
  }
}
function foldComp(c: Comprehension): Comprehension {
  return { target: c.target, iter: foldExpr(c.iter), ifs: c.ifs.map(foldExpr) };
}
function foldArgs(a: Arguments): Arguments {
  return { ...a, defaults: a.defaults.map(foldExpr), kwDefaults: a.kwDefaults.map((d) => (d ? foldExpr(d) : null)) };
}
export function foldStmts(body: Stmt[]): Stmt[] { return body.map(foldStmt); }
function foldStmt(s: Stmt): Stmt {
  switch (s.type) {
    case "Expr": return { ...s, value: foldExpr(s.value) };
    case "Assign": return { ...s, targets: s.targets.map(foldTarget), value: foldExpr(s.value) };
    case "AugAssign": return { ...s, target: foldTarget(s.target), value: foldExpr(s.value) };
    case "AnnAssign": return { ...s, value: s.value && foldExpr(s.value) };
    case "If": return { ...s, test: foldExpr(s.test), body: foldStmts(s.body), orelse: foldStmts(s.orelse) };
    case "While": return { ...s, test: foldExpr(s.test), body: foldStmts(s.body), orelse: foldStmts(s.orelse) };
    case "For": return { ...s, target: foldTarget(s.target), iter: foldExpr(s.iter), body: foldStmts(s.body), orelse: foldStmts(s.orelse) };
    case "FunctionDef": return { ...s, args: foldArgs(s.args), body: foldStmts(s.body), decorators: s.decorators.map(foldExpr) };
    case "ClassDef": return { ...s, bases: s.bases.map(foldExpr), body: foldStmts(s.body), decorators: s.decorators.map(foldExpr) };
    case "Return": return { ...s, value: s.value && foldExpr(s.value) };
    case "Delete": return { ...s, targets: s.targets.map(foldTarget) };
    case "Try": return { ...s, body: foldStmts(s.body), handlers: s.handlers.map((h) => ({ ...h, exType: h.exType && foldExpr(h.exType), body: foldStmts(h.body) })), orelse: foldStmts(s.orelse), finalbody: foldStmts(s.finalbody) };
    case "Raise": return { ...s, exc: s.exc && foldExpr(s.exc), cause: s.cause && foldExpr(s.cause) };
    case "With": return { ...s, items: s.items.map((i) => ({ context_expr: foldExpr(i.context_expr), optional_vars: i.optional_vars })), body: foldStmts(s.body) };
    case "Assert": return { ...s, test: foldExpr(s.test), msg: s.msg && foldExpr(s.msg) };
    default: return s;
  }
}
function foldTarget(t: Expr): Expr {
  switch (t.type) {
    case "Subscript": return { ...t, value: foldExpr(t.value), slice: foldExpr(t.slice) };
    case "Attribute": return { ...t, value: foldExpr(t.value) };
    case "Tuple": case "List": return { ...t, elts: t.elts.map(foldTarget) };
    case "Starred": return { ...t, value: foldTarget(t.value) };
    default: return t;
  }
}

// ---- scopes ----

type ScopeNode = object;

interface RawScope { kind: "module" | "function" | "class"; assigned: Set<string>; used: Set<string>; globals: Set<string>; nonlocals: Set<string>; children: RawScope[]; node: ScopeNode; order: string[]; tentative: Set<string> }

/** Symbol-table analysis: the ScopeInfo of every function, lambda, class body and comprehension node. */
export function analyzeScopes(body: Stmt[]): Map<ScopeNode, ScopeInfo> {
  const root = newScope("module", body, null, []);
  body.forEach((st) => walkStmt(st, root));
  const out = new Map<ScopeNode, ScopeInfo>();
  const infoOf = new Map<RawScope, ScopeInfo>();
  const make = (s: RawScope): void => {
    s.children.forEach(make);
    if (s.kind === "module") return;
    const locals = new Set<string>();
    for (const n of s.order) if (!s.globals.has(n) && !s.nonlocals.has(n)) locals.add(n);
    const info: ScopeInfo = { locals, cells: new Set(), frees: new Set(), globals: new Set(s.globals) };
    infoOf.set(s, info);
    out.set(s.node, info);
  };
  make(root);
  // bottom-up: names each scope needs from an enclosing function (tentatively free)
  const needs = (s: RawScope): Set<string> => {
    const childNeeds = new Set<string>();
    for (const c of s.children) for (const n of needs(c)) childNeeds.add(n);
    const result = new Set<string>();
    const info = infoOf.get(s);
    if (!info) return result;
    if (s.kind === "class") {
      for (const n of childNeeds) result.add(n);
      for (const n of s.used) if (!s.assigned.has(n) && !s.globals.has(n)) result.add(n);
    } else {
      for (const n of [...s.used, ...s.nonlocals, ...childNeeds]) {
        if (info.locals.has(n)) { if (childNeeds.has(n)) info.cells.add(n); continue; }
        if (s.globals.has(n)) continue;
        result.add(n);
      }
    }
    s.tentative = result;
    return result;
  };
  needs(root);
  // top-down: a tentative free is free only if an enclosing function defines it
  const bind = (s: RawScope, enclosing: Set<string>[]): void => {
    const info = infoOf.get(s);
    if (info) for (const n of s.tentative) if (enclosing.some((e) => e.has(n))) info.frees.add(n);
    const inner = s.kind === "function" && info ? [...enclosing, new Set([...info.locals, ...info.frees])] : enclosing;
    for (const c of s.children) bind(c, inner);
  };
  bind(root, []);
  // a cell is only a cell if some inner scope really binds it as free
  return out;
}

function newScope(kind: RawScope["kind"], node: ScopeNode, parent: RawScope | null, params: string[]): RawScope {
  const s: RawScope = { kind, assigned: new Set(params), used: new Set(), globals: new Set(), nonlocals: new Set(), children: [], node, order: [...params], tentative: new Set() };
  parent?.children.push(s);
  return s;
}
function assign(s: RawScope, name: string): void {
  if (!s.assigned.has(name)) { s.assigned.add(name); s.order.push(name); }
}

function argNames(a: Arguments): string[] {
  const out = [...a.args];
  if (a.vararg) out.push(a.vararg);
  out.push(...a.kwonly);
  if (a.kwarg) out.push(a.kwarg);
  return out;
}

function walkStmt(st: Stmt, s: RawScope): void {
  switch (st.type) {
    case "Expr": walkExpr(st.value, s); break;
    case "Assign": walkExpr(st.value, s); st.targets.forEach((t) => walkTarget(t, s)); break;
    case "AugAssign": walkExpr(st.value, s); walkTarget(st.target, s); if (st.target.type === "Name") s.used.add(st.target.id); break;
    case "AnnAssign": if (st.value) walkExpr(st.value, s); walkTarget(st.target, s); break;
    case "If": case "While": walkExpr(st.test, s); st.body.forEach((x) => walkStmt(x, s)); st.orelse.forEach((x) => walkStmt(x, s)); break;
    case "For": walkExpr(st.iter, s); walkTarget(st.target, s); st.body.forEach((x) => walkStmt(x, s)); st.orelse.forEach((x) => walkStmt(x, s)); break;
    case "FunctionDef": {
      st.args.defaults.forEach((d) => walkExpr(d, s));
      st.args.kwDefaults.forEach((d) => d && walkExpr(d, s));
      st.decorators.forEach((d) => walkExpr(d, s));
      assign(s, st.name);
      const f = newScope("function", st, s, argNames(st.args));
      st.body.forEach((x) => walkStmt(x, f));
      break;
    }
    case "ClassDef": {
      st.bases.forEach((b) => walkExpr(b, s));
      st.decorators.forEach((d) => walkExpr(d, s));
      assign(s, st.name);
      const c = newScope("class", st, s, []);
      st.body.forEach((x) => walkStmt(x, c));
      break;
    }
    case "Return": if (st.value) walkExpr(st.value, s); break;
    case "Delete": st.targets.forEach((t) => walkTarget(t, s)); break;
    case "Try":
      st.body.forEach((x) => walkStmt(x, s));
      for (const h of st.handlers) { if (h.exType) walkExpr(h.exType, s); if (h.name) assign(s, h.name); h.body.forEach((x) => walkStmt(x, s)); }
      st.orelse.forEach((x) => walkStmt(x, s));
      st.finalbody.forEach((x) => walkStmt(x, s));
      break;
    case "Raise": if (st.exc) walkExpr(st.exc, s); if (st.cause) walkExpr(st.cause, s); break;
    case "Import": for (const a of st.names) assign(s, a.asname ?? a.name.split(".")[0]); break;
    case "ImportFrom": for (const a of st.names) assign(s, a.asname ?? a.name); break;
    case "Global": for (const n of st.names) s.globals.add(n); break;
    case "Nonlocal": for (const n of st.names) s.nonlocals.add(n); break;
    case "With": for (const i of st.items) { walkExpr(i.context_expr, s); if (i.optional_vars) walkTarget(i.optional_vars, s); } st.body.forEach((x) => walkStmt(x, s)); break;
    case "Assert": walkExpr(st.test, s); if (st.msg) walkExpr(st.msg, s); break;
    case "Break": case "Continue": case "Pass": break;
  }
}

function walkTarget(t: Expr, s: RawScope): void {
  switch (t.type) {
    case "Name": assign(s, t.id); break;
    case "Tuple": case "List": t.elts.forEach((e) => walkTarget(e, s)); break;
    case "Starred": walkTarget(t.value, s); break;
    default: walkExpr(t, s);
  }
}

function walkComp(node: ScopeNode, gens: Comprehension[], elts: Expr[], s: RawScope): void {
  // the first iterable is evaluated in the enclosing scope
  walkExpr(gens[0].iter, s);
  const c = newScope("function", node, s, []);
  gens.forEach((g, i) => {
    if (i > 0) walkExpr(g.iter, c);
    walkTarget(g.target, c);
    g.ifs.forEach((x) => walkExpr(x, c));
  });
  elts.forEach((e) => walkExpr(e, c));
}

function walkExpr(e: Expr, s: RawScope): void {
  switch (e.type) {
    case "Name": s.used.add(e.id); break;
    case "ListComp": case "SetComp": case "GeneratorExp": walkComp(e, e.generators, [e.elt], s); break;
    case "DictComp": walkComp(e, e.generators, [e.key, e.value], s); break;
    case "Lambda": {
      e.args.defaults.forEach((d) => walkExpr(d, s));
      const f = newScope("function", e, s, argNames(e.args));
      walkExpr(e.body, f);
      break;
    }
    default: forEachChild(e, (c) => walkExpr(c, s));
  }
}

/** The constants each code object of a unit uses, keyed by the node that owns the code. */
export function collectConsts(body: Stmt[], scopes: Map<ScopeNode, ScopeInfo>, onNode: (node: Expr, key: string) => void = () => {}): Map<ScopeNode, ConstValue[]> {
  const out = new Map<ScopeNode, ConstValue[]>();
  const seen = new Map<ScopeNode, Set<string>>();
  const add = (owner: ScopeNode, c: ConstValue) => {
    let set = seen.get(owner);
    if (!set) { set = new Set(); seen.set(owner, set); out.set(owner, []); }
    const k = constKey(c);
    if (!set.has(k)) { set.add(k); out.get(owner)?.push(c); }
  };
  const ex = (e: Expr, owner: ScopeNode): void => {
    switch (e.type) {
      case "Constant": add(owner, e.value); onNode(e, constKey(e.value)); return;
      case "ListComp": case "SetComp": case "GeneratorExp": case "DictComp": {
        const inner = scopes.has(e) ? e : owner;
        ex(e.generators[0].iter, owner);
        e.generators.forEach((g, i) => { if (i > 0) ex(g.iter, inner); g.ifs.forEach((x) => ex(x, inner)); exT(g.target, inner); });
        if (e.type === "DictComp") { ex(e.key, inner); ex(e.value, inner); } else ex(e.elt, inner);
        return;
      }
      case "Lambda": e.args.defaults.forEach((d) => ex(d, owner)); ex(e.body, e); return;
      default: forEachChild(e, (c) => ex(c, owner));
    }
  };
  const exT = (t: Expr, owner: ScopeNode) => { if (t.type !== "Name") forEachChild(t, (c) => ex(c, owner)); };
  const st = (s: Stmt, owner: ScopeNode): void => {
    switch (s.type) {
      case "FunctionDef":
        s.args.defaults.forEach((d) => ex(d, owner));
        s.args.kwDefaults.forEach((d) => d && ex(d, owner));
        s.decorators.forEach((d) => ex(d, owner));
        s.body.forEach((b) => st(b, s));
        return;
      case "ClassDef":
        s.bases.forEach((d) => ex(d, owner));
        s.body.forEach((b) => st(b, s));
        return;
      default: forEachStmtPart(s, (e) => ex(e, owner), (b) => st(b, owner));
    }
  };
  body.forEach((s) => st(s, body));
  return out;
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

function forEachStmtPart(s: Stmt, fe: (e: Expr) => void, fs: (s: Stmt) => void): void {
  switch (s.type) {
    case "Expr": fe(s.value); return;
    case "Assign": fe(s.value); s.targets.forEach((t) => t.type !== "Name" && forEachChild(t, fe)); return;
    case "AugAssign": fe(s.value); if (s.target.type !== "Name") forEachChild(s.target, fe); return;
    case "AnnAssign": if (s.value) fe(s.value); return;
    case "If": case "While": fe(s.test); s.body.forEach(fs); s.orelse.forEach(fs); return;
    case "For": fe(s.iter); if (s.target.type !== "Name") forEachChild(s.target, fe); s.body.forEach(fs); s.orelse.forEach(fs); return;
    case "Return": if (s.value) fe(s.value); return;
    case "Delete": s.targets.forEach((t) => t.type !== "Name" && forEachChild(t, fe)); return;
    case "Try": s.body.forEach(fs); s.handlers.forEach((h) => { if (h.exType) fe(h.exType); h.body.forEach(fs); }); s.orelse.forEach(fs); s.finalbody.forEach(fs); return;
    case "Raise": if (s.exc) fe(s.exc); if (s.cause) fe(s.cause); return;
    case "With": s.items.forEach((i) => fe(i.context_expr)); s.body.forEach(fs); return;
    case "Assert": fe(s.test); if (s.msg) fe(s.msg); return;
    default: return;
  }
}

/**
 * CPython's compiler warns (SyntaxWarning on stderr) for `is` with a literal, and for calling or
 * subscripting a literal that cannot be ("perhaps you missed a comma?"); we print no warnings, so
 * such programs are refused. Runs on the folded tree, as the compiler sees it.
 */
export function findIsLiteral(body: Stmt[]): number | null {
  let found: number | null = null;
  const lit = (e: Expr) => e.type === "Constant" && ["int", "float", "str", "tuple"].includes(e.value.kind);
  const notSubscriptable = (e: Expr) => (e.type === "Constant" && ["int", "float", "bool", "None", "Ellipsis"].includes(e.value.kind)) || ["Set", "SetComp", "GeneratorExp", "Lambda", "JoinedStr"].includes(e.type);
  const sequence = (e: Expr) => (e.type === "Constant" && ["str", "tuple"].includes(e.value.kind)) || ["List", "ListComp", "Tuple", "JoinedStr"].includes(e.type);
  const badIndex = (e: Expr) => (e.type === "Constant" && !["int", "bool"].includes(e.value.kind)) || ["Tuple", "List", "Dict", "Set", "JoinedStr", "ListComp", "SetComp", "DictComp", "GeneratorExp", "Lambda"].includes(e.type);
  const notCallable = (e: Expr) => e.type === "Constant" || ["List", "Tuple", "Dict", "Set", "ListComp", "SetComp", "DictComp", "GeneratorExp", "JoinedStr"].includes(e.type);
  const ex = (e: Expr): void => {
    if (found !== null) return;
    if (e.type === "Subscript" && (notSubscriptable(e.value) || (sequence(e.value) && e.slice.type !== "Slice" && badIndex(e.slice)))) found = e.lineno;
    if (e.type === "Call" && notCallable(e.func)) found = e.lineno;
    if (e.type === "Compare") {
      const operands = [e.left, ...e.comparators];
      e.ops.forEach((op, i) => { if ((op === "Is" || op === "IsNot") && (lit(operands[i]) || lit(operands[i + 1]))) found = e.lineno; });
    }
    forEachChild(e, ex);
  };
  const st = (s: Stmt): void => {
    if (s.type === "FunctionDef") { s.args.defaults.forEach(ex); s.decorators.forEach(ex); s.body.forEach(st); return; }
    if (s.type === "ClassDef") { s.bases.forEach(ex); s.body.forEach(st); return; }
    forEachStmtPart(s, ex, st);
    if (s.type === "Assign") s.targets.forEach(ex);
  };
  body.forEach(st);
  return found;
}

/** The compiler's context checks: return outside a function, break/continue outside a loop. */
export function checkContext(body: Stmt[]): void {
  const walk = (ss: Stmt[], inFunc: boolean, inLoop: boolean): void => {
    for (const s of ss) {
      switch (s.type) {
        case "Return": if (!inFunc) throw new PySyntaxError("'return' outside function", s.lineno, s.col_offset + 1); break;
        case "Break": if (!inLoop) throw new PySyntaxError("'break' outside loop", s.lineno, s.col_offset + 1); break;
        case "Continue": if (!inLoop) throw new PySyntaxError("'continue' not properly in loop", s.lineno, s.col_offset + 1); break;
        case "FunctionDef": walk(s.body, true, false); break;
        case "ClassDef": walk(s.body, false, false); break;
        case "While": case "For": walk(s.body, inFunc, true); walk(s.orelse, inFunc, inLoop); break;
        case "If": walk(s.body, inFunc, inLoop); walk(s.orelse, inFunc, inLoop); break;
        case "With": walk(s.body, inFunc, inLoop); break;
        case "Try": walk(s.body, inFunc, inLoop); s.handlers.forEach((h) => walk(h.body, inFunc, inLoop)); walk(s.orelse, inFunc, inLoop); walk(s.finalbody, inFunc, inLoop); break;
        default: break;
      }
    }
  };
  walk(body, false, false);
}
