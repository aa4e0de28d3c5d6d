// Built-in types, functions and the modules sys, gc, weakref, copy and threading. Each returns a
// new reference and leaves its (borrowed) arguments alone, as C functions in CPython do. Where the
// real answer depends on what we do not model (addresses, hash randomisation, start-up state) the
// function refuses with Unsupported instead of guessing.

import { PyBool, PyBuiltin, PyDict, PyFloat, PyFunction, PyInstance, PyInt, PyIterator, PyList, PyMethod, PyModule, PyNone, PyObj, PyProperty, PyRange, PySet, PySlice, PyStr, PyTuple, PyType, PyWeakref, PyWeakValueDict, PyCell, PyCode, PyEllipsis, typeName, type BuiltinFn } from "./objects";
import { PyException, type Interp } from "./interpreter";
import { floatRepr, formatFloat, strRepr } from "./format";
import { Unsupported } from "./tokenizer";
import { unreachableIn } from "./gc";
import { countCollectEnd, countCollectStart, countUnknown } from "./gc-count";
import { STARTUP_REFCOUNTS } from "./startup-refcounts";

/** sys.get_int_max_str_digits() at start-up: the default limit on decimal int text (CPython 3.10.7+). */
const INT_MAX_STR_DIGITS = 4300;
/** Values print() writes without going through a container's repr. */
const printsPlainly = (o: PyObj) => o instanceof PyStr || o instanceof PyInt || o instanceof PyFloat || o instanceof PyBool || o instanceof PyNone;

type KW = Map<string, PyObj>;

const EXC_TREE: [string, string | null][] = [
  ["BaseException", "object"], ["Exception", "BaseException"], ["SystemExit", "BaseException"], ["KeyboardInterrupt", "BaseException"],
  ["ArithmeticError", "Exception"], ["ZeroDivisionError", "ArithmeticError"], ["OverflowError", "ArithmeticError"],
  ["LookupError", "Exception"], ["IndexError", "LookupError"], ["KeyError", "LookupError"],
  ["NameError", "Exception"], ["UnboundLocalError", "NameError"], ["AttributeError", "Exception"], ["TypeError", "Exception"],
  ["ValueError", "Exception"], ["RuntimeError", "Exception"], ["RecursionError", "RuntimeError"], ["NotImplementedError", "RuntimeError"],
  ["AssertionError", "Exception"], ["StopIteration", "Exception"], ["ImportError", "Exception"], ["ModuleNotFoundError", "ImportError"], ["MemoryError", "Exception"],
];

const BUILTIN_TYPE_NAMES = ["int", "float", "str", "bool", "list", "tuple", "dict", "set", "NoneType", "function", "range", "type", "builtin_function_or_method", "module", "method", "cell", "code", "ellipsis", "slice", "property", "frozenset"];

export function installBuiltins(I: Interp): void {
  const H = I.heap;
  const P = I.prof;
  const mkType = (name: string, base: PyType | null): PyType => {
    const t = new PyType(name, base ? [base] : []);
    t.builtin = true;
    t.uncounted = true;
    t.rc = 1;
    t.mro = base ? [t, ...base.mro] : [t];
    I.types.set(name, t);
    return t;
  };
  const object = mkType("object", null);
  for (const [name, base] of EXC_TREE) if (name !== "object") mkType(name, I.getType(base ?? "object"));
  for (const n of BUILTIN_TYPE_NAMES) mkType(n, object);
  I.getType("bool").mro = [I.getType("bool"), I.getType("int"), object];
  const threadT = mkType("Thread", object);
  const lockT = mkType("lock", object);

  const None = H.None;
  const int = (v: bigint | number) => (typeof v === "number" ? H.intOfNumber(v) : H.int(v));
  const str = (s: string) => H.str(s);
  const tuple = (items: PyObj[]) => H.tuple(items);
  /**
   * A tuple C code builds (Py_BuildValue, PyTuple_Pack): tracked whatever it holds, also on 3.14,
   * which leaves untracked only the atomic tuples the eval loop builds (Pyodide: gc.is_tracked of
   * gc.get_threshold(), gc.get_count() and divmod(7, 2) is True).
   */
  const cTuple = (items: PyObj[]) => {
    H.buildingConst = true;
    try { return H.tuple(items); } finally { H.buildingConst = false; }
  };
  const inc = <T extends PyObj>(o: T) => I.incref(o);
  const throwPy: (t: string, m: string | null) => never = (t, m) => I.throwPy(t, m);
  const uns: (w: string) => never = (w) => I.unsupported(w);

  const typeOf = (o: PyObj): PyType => {
    switch (o.kind) {
      case "instance": return (o as PyInstance).cls;
      case "int": return I.getType("int");
      case "bool": return I.getType("bool");
      case "float": return I.getType("float");
      case "str": return I.getType("str");
      case "NoneType": return I.getType("NoneType");
      case "list": return I.getType("list");
      case "tuple": return I.getType("tuple");
      case "dict": return I.getType("dict");
      case "set": return I.getType("set");
      case "function": return I.getType("function");
      case "type": return I.getType("type");
      case "range": return I.getType("range");
      case "builtin": return I.getType("builtin_function_or_method");
      case "module": return I.getType("module");
      case "method": return I.getType("method");
      case "slice": return I.getType("slice");
      case "ellipsis": return I.getType("ellipsis");
      default: return uns(`type() of ${typeName(o)}`);
    }
  };

  // A call with arguments a built-in does not expect (missing ones read as undefined) is refused,
  // not answered: CPython's arity messages differ by function and version.
  const guard = (name: string, f: BuiltinFn): BuiltinFn => (args, kw) => {
    try { return f(args, kw); } catch (e) {
      if (e instanceof TypeError || (e instanceof RangeError && !/call stack/i.test(e.message))) throw new Unsupported(`${name}() called with these arguments`, I.line);
      throw e;
    }
  };
  const fn = (name: string, f0: BuiltinFn): PyBuiltin => {
    const f = guard(name, f0);
    const b = new PyBuiltin(name, f);
    b.uncounted = true;
    b.rc = 1;
    return b;
  };
  const def = (name: string, f: BuiltinFn) => I.builtins.set(name, fn(name, f));
  const noKw = (name: string, kw: KW) => { if (kw.size) throwPy("TypeError", `${name}() takes no keyword arguments`); };
  const nargs = (name: string, args: PyObj[], min: number, max: number) => {
    if (args.length < min || args.length > max) {
      if (min === max) throwPy("TypeError", `${name}() takes exactly ${min === 1 ? "one argument" : min + " arguments"} (${args.length} given)`);
      uns(`${name}() with ${args.length} arguments`);
    }
  };
  const asInt = (o: PyObj, what: string): bigint => {
    if (o instanceof PyInt) return o.v;
    if (o instanceof PyBool) return o.v ? 1n : 0n;
    return throwPy("TypeError", `'${typeName(o)}' object cannot be interpreted as an integer${what ? "" : ""}`);
  };
  const num = (o: PyObj): number | bigint | null => (o instanceof PyInt ? o.v : o instanceof PyBool ? (o.v ? 1n : 0n) : o instanceof PyFloat ? o.v : null);

  // ---------- text ----------
  const reprStack = new Set<PyObj>();
  const seqRepr = (o: PyObj, open: string, close: string, items: PyObj[]): string => {
    if (reprStack.has(o)) return open + "..." + close;
    reprStack.add(o);
    try {
      const parts = items.map((x) => I.repr(x));
      if (o instanceof PyTuple && items.length === 1) return "(" + parts[0] + ",)";
      return open + parts.join(", ") + close;
    } finally { reprStack.delete(o); }
  };
  const callDunder = (o: PyInstance, name: string, args: PyObj[] = []): PyObj | null => {
    const m = o.cls.lookup(name);
    if (!m || m instanceof PyBuiltin) return null;
    if (m === None) return null;
    return I.callObject(m, [o, ...args], new Map(), false);
  };
  const excStr = (e: PyInstance): string => {
    const args = e.args?.items ?? [];
    if (e.cls.isSubtypeOf(I.getType("KeyError")) && args.length === 1) return I.repr(args[0]);
    if (args.length === 0) return "";
    if (args.length === 1) return I.str(args[0]);
    return I.repr(e.args ?? H.emptyTuple);
  };
  /** long_hash: the value modulo 2**61 - 1 with its sign; -1 is reserved for errors, so -2. */
  const intHash = (v: bigint): bigint => {
    const M = (1n << 61n) - 1n;
    const h = v < 0n ? -(-v % M) : v % M;
    return h === -1n ? -2n : h;
  };
  /**
   * Objects/setobject.c, replayed for keys with known hashes: set_add_entry probes 9 slots past
   * the home slot (when they fit), then jumps by i*5 + 1 + (perturb >>= 5); a table 3/5 full is
   * resized to hold 4x the used count (set_table_resize reinserts in slot order with
   * set_insert_clean). A display of 3+ constants is a frozenset constant (built by adds from an
   * empty table) merged into a presized set: its table copied when the sizes match, else its
   * entries reinserted in slot order. Returns item indexes (insertion order) in slot order.
   */
  const setTableOrder = (s: PySet, hashes: bigint[]): number[] | null => {
    const U64 = (1n << 64n) - 1n;
    let mask = 7;
    let table: number[] = new Array(8).fill(-1);
    const insertClean = (t: number[], m: number, idx: number) => {
      let perturb = hashes[idx] & U64;
      let i = Number(perturb & BigInt(m));
      for (;;) {
        if (t[i] < 0) { t[i] = idx; return; }
        if (i + 9 <= m) for (let j = 1; j <= 9; j++) if (t[i + j] < 0) { t[i + j] = idx; return; }
        perturb >>= 5n;
        i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(m));
      }
    };
    const resize = (minused: number) => {
      let size = 8;
      while (size <= minused) size <<= 1;
      const old = table;
      mask = size - 1;
      table = new Array(size).fill(-1);
      for (const idx of old) if (idx >= 0) insertClean(table, mask, idx);
    };
    let used = 0;
    const add = (idx: number) => {
      insertClean(table, mask, idx); // no dummies and distinct keys: set_add_entry finds the same slot
      used++;
      if (used * 5 >= mask * 3) resize(used > 50000 ? used * 2 : used * 4);
    };
    let start = 0;
    if (s.fromConstant > 0) {
      // the compiler makes the frozenset from the display's items in source order, then the
      // constant cache (merge_consts_recursive) re-creates it from that one's slot order
      const n = s.fromConstant;
      for (let i = 0; i < n; i++) add(i);
      const first = table.filter((idx) => idx >= 0);
      mask = 7;
      table = new Array(8).fill(-1);
      used = 0;
      for (const idx of first) add(idx);
      const frozen = table;
      const frozenMask = mask;
      let target = 7;
      if (n * 5 >= target * 3) { let size = 8; while (size <= n * 2) size <<= 1; target = size - 1; }
      if (target !== frozenMask) { mask = target; table = new Array(target + 1).fill(-1); for (const idx of frozen) if (idx >= 0) insertClean(table, mask, idx); }
      start = n;
    } else {
      if (s.firstMask < 0) return null;
      if (s.firstMask !== 7) { mask = s.firstMask; table = new Array(mask + 1).fill(-1); }
    }
    for (let i = start; i < hashes.length; i++) add(i);
    return table.filter((idx) => idx >= 0);
  };
  const setItemsOrdered = (s: PySet): PyObj[] => {
    const items = [...s.map.values()];
    if (items.length <= 1) return items;
    const ints = items.map((x) => (x instanceof PyInt ? x.v : x instanceof PyBool ? (x.v ? 1n : 0n) : null));
    if (ints.every((v) => v !== null && v >= 0n && v <= BigInt(s.mask)) && !s.hadDeletion) {
      return items.slice().sort((a, b) => { const x = num(a) as bigint; const y = num(b) as bigint; return x < y ? -1 : x > y ? 1 : 0; });
    }
    const order = ints.every((v) => v !== null) && !s.hadDeletion && s.addsOnly ? setTableOrder(s, ints.map((v) => intHash(v as bigint))) : null;
    if (order) return order.map((i) => items[i]);
    return uns("iteration order of this set (it follows the hash table)");
  };
  const repr = (o: PyObj): string => {
    I.step();
    if (o instanceof PyStr) return strRepr(o.v);
    if (o instanceof PyBool) return o.v ? "True" : "False";
    if (o instanceof PyInt) {
      const text = o.v.toString();
      // CPython's int_max_str_digits (3.10.7+): decimal text of more than 4300 digits is refused.
      if (text.length - (o.v < 0n ? 1 : 0) > INT_MAX_STR_DIGITS) throwPy("ValueError", `Exceeds the limit (${intLimit()}) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
      return text;
    }
    if (o instanceof PyFloat) return floatRepr(o.v);
    if (o instanceof PyNone) return "None";
    if (o instanceof PyEllipsis) return "Ellipsis";
    if (o instanceof PyList) return seqRepr(o, "[", "]", o.items);
    if (o instanceof PyTuple) return seqRepr(o, "(", ")", o.items);
    if (o instanceof PyDict) {
      if (o.moduleDict) uns("the whole of globals() (it holds start-up names we do not model)");
      if (reprStack.has(o)) return "{...}";
      reprStack.add(o);
      try { return "{" + [...o.map.values()].map((e) => I.repr(e.key) + ": " + I.repr(e.value)).join(", ") + "}"; } finally { reprStack.delete(o); }
    }
    if (o instanceof PySet) return o.map.size === 0 ? "set()" : seqRepr(o, "{", "}", setItemsOrdered(o));
    if (o instanceof PyType) return o.builtin ? `<class '${o.name}'>` : `<class '__main__.${o.name}'>`;
    if (o instanceof PyRange) return o.step === 1n ? `range(${o.start}, ${o.stop})` : `range(${o.start}, ${o.stop}, ${o.step})`;
    if (o instanceof PyIterator && o.label.startsWith("dict_")) {
      const items: PyObj[] = [];
      for (let i = 0; ; i++) { const x = o.itemsOf(i); if (!x) break; items.push(x); }
      const s = o.label + "(" + seqRepr(o, "[", "]", items) + ")";
      items.forEach((x) => I.decref(x));
      return s;
    }
    if (o instanceof PyInstance) {
      const r = callDunder(o, "__repr__");
      if (r) { const s = r instanceof PyStr ? r.v : throwPy("TypeError", "__repr__ returned non-string"); I.decref(r); return s; }
      if (o.cls.isSubtypeOf(I.getType("BaseException"))) {
        const args = o.args?.items ?? [];
        return o.cls.name + (args.length === 1 ? "(" + I.repr(args[0]) + ")" : I.repr(o.args ?? H.emptyTuple));
      }
      return uns("repr of an object (it shows a memory address)");
    }
    return uns(`repr of ${typeName(o)} (it shows a memory address)`);
  };
  const toStr = (o: PyObj): string => {
    if (o instanceof PyStr) return o.v;
    if (o instanceof PyInstance) {
      const r = callDunder(o, "__str__");
      if (r) { const s = r instanceof PyStr ? r.v : throwPy("TypeError", "__str__ returned non-string"); I.decref(r); return s; }
      if (o.cls.isSubtypeOf(I.getType("BaseException"))) return excStr(o);
    }
    return repr(o);
  };

  // ---------- equality and ordering ----------
  const eq = (a: PyObj, b: PyObj): boolean => {
    if (a === b && !(a instanceof PyFloat && Number.isNaN(a.v))) return true;
    const na = num(a);
    const nb = num(b);
    if (na !== null && nb !== null) return typeof na === typeof nb ? na === nb : Number(na) === Number(nb) && (typeof na === "number" ? Number.isInteger(na) : Number.isInteger(nb as number));
    if (a instanceof PyStr && b instanceof PyStr) return a.v === b.v;
    if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
      if (a.items.length !== b.items.length) return false;
      for (let i = 0; i < a.items.length; i++) if (!eq(a.items[i], b.items[i])) return false;
      return true;
    }
    if (a instanceof PyDict && b instanceof PyDict) {
      if (a.map.size !== b.map.size) return false;
      for (const [k, e] of a.map) { const o = b.map.get(k); if (!o || !eq(e.value, o.value)) return false; }
      return true;
    }
    if (a instanceof PySet && b instanceof PySet) {
      if (a.map.size !== b.map.size) return false;
      for (const k of a.map.keys()) if (!b.map.has(k)) return false;
      return true;
    }
    if (a instanceof PyInstance || b instanceof PyInstance) {
      for (const [x, y] of [[a, b], [b, a]] as const) {
        if (x instanceof PyInstance) {
          const r = callDunder(x, "__eq__", [y]);
          if (r) { const t = I.truthy(r); I.decref(r); return t; }
        }
      }
    }
    if (a instanceof PyRange && b instanceof PyRange) return a.start === b.start && a.stop === b.stop && a.step === b.step;
    return false;
  };
  const cmpErr: (op: string, a: PyObj, b: PyObj) => never = (op, a, b) => throwPy("TypeError", `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  /** -1/0/1 for ordering comparisons. */
  const order = (a: PyObj, b: PyObj, op: string): number => {
    const na = num(a);
    const nb = num(b);
    if (na !== null && nb !== null) {
      if (typeof na === "bigint" && typeof nb === "bigint") return na < nb ? -1 : na > nb ? 1 : 0;
      const x = Number(na);
      const y = Number(nb);
      if ((typeof na === "bigint" && (na > 2n ** 53n || na < -(2n ** 53n))) || (typeof nb === "bigint" && (nb > 2n ** 53n || nb < -(2n ** 53n)))) uns("comparing a huge int with a float");
      return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
    }
    if (a instanceof PyStr && b instanceof PyStr) return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
    if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
      const n = Math.min(a.items.length, b.items.length);
      for (let i = 0; i < n; i++) if (!eq(a.items[i], b.items[i])) return order(a.items[i], b.items[i], op);
      return a.items.length - b.items.length;
    }
    return cmpErr(op, a, b);
  };
  const OPSYM: Record<string, string> = { Lt: "<", LtE: "<=", Gt: ">", GtE: ">=" };
  const DUNDER_CMP: Record<string, [string, string]> = { Lt: ["__lt__", "__gt__"], LtE: ["__le__", "__ge__"], Gt: ["__gt__", "__lt__"], GtE: ["__ge__", "__le__"] };
  const contains = (c: PyObj, x: PyObj): boolean => {
    if (c instanceof PyList || c instanceof PyTuple) return c.items.some((y) => y === x || eq(y, x));
    if (c instanceof PyStr) { if (!(x instanceof PyStr)) throwPy("TypeError", `'in <string>' requires string as left operand, not ${typeName(x)}`); return c.v.includes(x.v); }
    if (c instanceof PyDict) return c.map.has(I.key(x));
    if (c instanceof PySet) return c.map.has(I.key(x));
    if (c instanceof PyRange) { const v = num(x); if (typeof v !== "bigint") return false; return rangeIndexOf(c, v) >= 0; }
    if (c instanceof PyWeakValueDict) { const e = c.map.get(I.key(x)); return !!e && !!e.ref.target; }
    if (c instanceof PyIterator) {
      for (;;) { const y = I.iterNext(c); if (!y) return false; const t = y === x || eq(y, x); I.decref(y); if (t) return true; }
    }
    if (c instanceof PyInstance) {
      const r = callDunder(c, "__contains__", [x]);
      if (r) { const t = I.truthy(r); I.decref(r); return t; }
    }
    return throwPy("TypeError", `argument of type '${typeName(c)}' is not iterable`);
  };
  const rangeLen = (r: PyRange): bigint => {
    if (r.step > 0n) return r.stop > r.start ? (r.stop - r.start + r.step - 1n) / r.step : 0n;
    return r.start > r.stop ? (r.start - r.stop - r.step - 1n) / -r.step : 0n;
  };
  const rangeIndexOf = (r: PyRange, v: bigint): number => {
    const d = v - r.start;
    if (d % r.step !== 0n) return -1;
    const i = d / r.step;
    return i >= 0n && i < rangeLen(r) ? Number(i) : -1;
  };

  // ---------- arithmetic ----------
  const floorDiv = (a: bigint, b: bigint) => { const q = a / b; return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q; };
  const pyMod = (a: bigint, b: bigint) => a - floorDiv(a, b) * b;
  const fmod = (a: number, b: number) => { const m = a % b; return m !== 0 && (m < 0) !== (b < 0) ? m + b : m === 0 ? (b < 0 ? -0 : 0) : m; };
  const exact = (v: bigint) => v <= 2n ** 53n && v >= -(2n ** 53n);
  const OPNAME: Record<string, string> = { Add: "+", Sub: "-", Mult: "*", Div: "/", FloorDiv: "//", Mod: "%", Pow: "** or pow()", LShift: "<<", RShift: ">>", BitOr: "|", BitXor: "^", BitAnd: "&", MatMult: "@" };
  const DUNDER: Record<string, string> = { Add: "add", Sub: "sub", Mult: "mul", Div: "truediv", FloorDiv: "floordiv", Mod: "mod", Pow: "pow", LShift: "lshift", RShift: "rshift", BitOr: "or", BitXor: "xor", BitAnd: "and", MatMult: "matmul" };
  const typeErr: (op: string, a: PyObj, b: PyObj, inplace: boolean) => never = (op, a, b, inplace) => throwPy("TypeError", `unsupported operand type(s) for ${OPNAME[op]}${inplace ? "=" : ""}: '${typeName(a)}' and '${typeName(b)}'`);
  const zeroDiv: (msg: string) => never = (msg) => throwPy("ZeroDivisionError", msg);
  const intLimit = () => (P.version === "3.10" ? `${INT_MAX_STR_DIGITS}` : `${INT_MAX_STR_DIGITS} digits`);
  const intDivMsg = () => (P.version >= "3.14" ? "division by zero" : "integer division or modulo by zero");
  const intModMsg = () => (P.version >= "3.14" ? "division by zero" : P.version === "3.10" ? "integer division or modulo by zero" : "integer modulo by zero");

  const repeatSeq = (items: PyObj[], n: bigint): PyObj[] => {
    const k = n < 0n ? 0 : Number(n);
    if (k * items.length > 1_000_000) throw new Unsupported("sequence too large", I.line);
    const out: PyObj[] = [];
    for (let i = 0; i < k; i++) for (const x of items) out.push(inc(x));
    return out;
  };

  const binop = (op: string, a: PyObj, b: PyObj, inplace: boolean): PyObj => {
    const na = num(a);
    const nb = num(b);
    if (na !== null && nb !== null) {
      if (typeof na === "bigint" && typeof nb === "bigint") {
        switch (op) {
          case "Add": return int(na + nb);
          case "Sub": return int(na - nb);
          case "Mult": if (na.toString(2).length + nb.toString(2).length > 100000) uns("huge integer"); return int(na * nb);
          case "FloorDiv": if (nb === 0n) zeroDiv(intDivMsg()); return int(floorDiv(na, nb));
          case "Mod": if (nb === 0n) zeroDiv(intModMsg()); return int(pyMod(na, nb));
          case "Pow":
            if (nb < 0n) { if (na === 0n) zeroDiv(P.version >= "3.14" ? "zero to a negative power" : "0.0 cannot be raised to a negative power"); if (!exact(na)) uns("huge power"); return H.float(Math.pow(Number(na), Number(nb))); }
            if (nb > 100000n || (na !== 0n && na !== 1n && na !== -1n && BigInt(na.toString(2).length) * nb > 1000000n)) uns("huge power");
            return int(na ** nb);
          case "Div": {
            if (nb === 0n) zeroDiv("division by zero");
            if (!exact(na) || !exact(nb)) uns("true division of huge ints");
            return H.float(Number(na) / Number(nb));
          }
          case "LShift": if (nb < 0n) throwPy("ValueError", "negative shift count"); if (nb > 10000n) uns("huge shift"); return int(na << nb);
          case "RShift": if (nb < 0n) throwPy("ValueError", "negative shift count"); return int(na >> nb);
          case "BitAnd": if (a instanceof PyBool && b instanceof PyBool) return H.bool(a.v && b.v); return int(na & nb);
          case "BitOr": if (a instanceof PyBool && b instanceof PyBool) return H.bool(a.v || b.v); return int(na | nb);
          case "BitXor": if (a instanceof PyBool && b instanceof PyBool) return H.bool(a.v !== b.v); return int(na ^ nb);
          default: return typeErr(op, a, b, inplace);
        }
      }
      if ((typeof na === "bigint" && !exact(na)) || (typeof nb === "bigint" && !exact(nb))) uns("float arithmetic with a huge int");
      const x = Number(na);
      const y = Number(nb);
      switch (op) {
        case "Add": return H.float(x + y);
        case "Sub": return H.float(x - y);
        case "Mult": return H.float(x * y);
        case "Div": if (y === 0) zeroDiv(P.version >= "3.14" ? "division by zero" : "float division by zero"); return H.float(x / y);
        case "FloorDiv": if (y === 0) zeroDiv(P.version >= "3.14" ? "division by zero" : "float floor division by zero"); return H.float(Math.floor(x / y) === x / y ? x / y : fmodFloorDiv(x, y));
        case "Mod": if (y === 0) zeroDiv(P.version >= "3.14" ? "division by zero" : "float modulo"); return H.float(fmod(x, y));
        case "Pow": {
          if (x === 0 && y < 0) zeroDiv(P.version >= "3.14" ? "zero to a negative power" : "0.0 cannot be raised to a negative power");
          if (x < 0 && !Number.isInteger(y)) uns("complex result of **");
          const r = Math.pow(x, y);
          if (!Number.isFinite(r)) throwPy("OverflowError", "(34, 'Numerical result out of range')");
          return H.float(r);
        }
        default: return typeErr(op, a, b, inplace);
      }
    }
    if (a instanceof PyStr) {
      if (op === "Add") {
        if (!(b instanceof PyStr)) throwPy("TypeError", `can only concatenate str (not "${typeName(b)}") to str`);
        if (a.v === "") return inc(b);
        if (b.v === "") return inc(a);
        if (a.v.length + b.v.length > 10_000_000) uns("huge string");
        return str(a.v + b.v);
      }
      if (op === "Mult") {
        if (nb === null || typeof nb !== "bigint") throwPy("TypeError", `can't multiply sequence by non-int of type '${typeName(b)}'`);
        if (nb === 1n) return inc(a);
        if (nb * BigInt(a.v.length) > 10_000_000n) uns("huge string");
        return str(nb > 0n ? a.v.repeat(Number(nb)) : "");
      }
      if (op === "Mod") return str(percentFormat(a.v, b));
    }
    if (b instanceof PyStr && op === "Mult" && typeof na === "bigint") return binop(op, b, a, inplace);
    if ((b instanceof PyStr || b instanceof PyList || b instanceof PyTuple) && op === "Mult" && typeof na !== "bigint" && !(a instanceof PyInstance)) throwPy("TypeError", `can't multiply sequence by non-int of type '${typeName(a)}'`);
    if (a instanceof PyList) {
      if (op === "Add") {
        if (!(b instanceof PyList)) throwPy("TypeError", `can only concatenate list (not "${typeName(b)}") to list`);
        if (a.items.length + b.items.length > 1_000_000) uns("sequence too large");
        if (inplace) { extend(a, b); return inc(a); }
        return H.list([...a.items, ...b.items].map(inc));
      }
      if (op === "Mult") {
        if (typeof nb !== "bigint") throwPy("TypeError", `can't multiply sequence by non-int of type '${typeName(b)}'`);
        if (inplace) uns("list *=");
        return H.list(repeatSeq(a.items, nb));
      }
    }
    if (a instanceof PyTuple) {
      if (op === "Add") {
        if (!(b instanceof PyTuple)) throwPy("TypeError", `can only concatenate tuple (not "${typeName(b)}") to tuple`);
        if (b.items.length === 0) return inc(a);
        if (a.items.length === 0) return inc(b);
        if (a.items.length + b.items.length > 1_000_000) uns("sequence too large");
        return tuple([...a.items, ...b.items].map(inc));
      }
      if (op === "Mult") {
        if (typeof nb !== "bigint") throwPy("TypeError", `can't multiply sequence by non-int of type '${typeName(b)}'`);
        if (nb === 1n) return inc(a);
        return tuple(repeatSeq(a.items, nb));
      }
    }
    if ((b instanceof PyList || b instanceof PyTuple) && op === "Mult" && typeof na === "bigint") return binop(op, b, a, inplace);
    if (a instanceof PySet && b instanceof PySet && ["BitOr", "BitAnd", "Sub", "BitXor"].includes(op)) {
      if (inplace) uns("in-place set operators");
      return setOp(op, a, b);
    }
    if (a instanceof PyDict && b instanceof PyDict && op === "BitOr") {
      if (inplace) uns("dict |=");
      const d = copyDict(a);
      for (const e of b.map.values()) I.dictSet(d, e.key, inc(e.value));
      return d;
    }
    if (a instanceof PyInstance) {
      const names = inplace ? [`__i${DUNDER[op]}__`, `__${DUNDER[op]}__`] : [`__${DUNDER[op]}__`];
      for (const n of names) {
        const r = callDunder(a, n, [b]);
        if (r) return r;
      }
    }
    if (b instanceof PyInstance) {
      const r = callDunder(b, `__r${DUNDER[op]}__`, [a]);
      if (r) return r;
    }
    return typeErr(op, a, b, inplace);
  };
  const fmodFloorDiv = (x: number, y: number): number => {
    const m = fmod(x, y);
    const d = (x - m) / y;
    return Math.round(d);
  };

  const percentFormat = (fmt: string, arg: PyObj): string => {
    const args = arg instanceof PyTuple ? arg.items : [arg];
    let k = 0;
    const out = fmt.replace(/%([-+ 0#]*)(\d*)(?:\.(\d+))?([sdrifx%])/g, (_m, flags: string, width: string, prec: string | undefined, conv: string) => {
      if (conv === "%") return "%";
      const v = args[k++];
      if (!v) throwPy("TypeError", "not enough arguments for format string");
      let s: string;
      if (conv === "s") s = toStr(v);
      else if (conv === "r") s = repr(v);
      else if (conv === "d" || conv === "i") { const n = num(v); if (n === null) throwPy("TypeError", `%${conv} format: a real number is required, not ${typeName(v)}`); s = typeof n === "bigint" ? n.toString() : BigInt(Math.trunc(n)).toString(); }
      else if (conv === "f") { const n = num(v); if (n === null) throwPy("TypeError", "must be real number, not " + typeName(v)); s = formatFloat(Number(n), `.${prec ?? 6}f`, I.line); } // (toFixed drops -0.0's sign)
      else { const n = num(v); if (typeof n !== "bigint") throwPy("TypeError", "%x format: an integer is required"); s = n.toString(16); }
      const w = width ? parseInt(width, 10) : 0;
      if (flags.includes("-")) return s.padEnd(w);
      if (flags.includes("0") && conv !== "s") return s.padStart(w, "0");
      return s.padStart(w);
    });
    if (k < args.length && !(args.length === 1 && arg instanceof PyDict)) throwPy("TypeError", "not all arguments converted during string formatting");
    return out;
  };

  const unary = (op: string, v: PyObj): PyObj => {
    if (op === "Not") return H.bool(!I.truthy(v));
    const n = num(v);
    if (n !== null) {
      if (op === "USub") return typeof n === "bigint" ? int(-n) : H.float(-n);
      if (op === "UAdd") return typeof n === "bigint" ? (v instanceof PyBool ? int(n) : inc(v)) : (inc(v));
      if (op === "Invert" && v instanceof PyBool && P.version >= "3.12") uns("~ on a bool (a DeprecationWarning on stderr)");
      if (op === "Invert" && typeof n === "bigint") return int(~n);
    }
    if (v instanceof PyInstance) {
      const r = callDunder(v, op === "USub" ? "__neg__" : op === "UAdd" ? "__pos__" : "__invert__");
      if (r) return r;
    }
    return throwPy("TypeError", `bad operand type for unary ${op === "USub" ? "-" : op === "UAdd" ? "+" : "~"}: '${typeName(v)}'`);
  };

  const compare = (op: string, a: PyObj, b: PyObj): PyObj => {
    switch (op) {
      case "Is": return H.bool(a === b);
      case "IsNot": return H.bool(a !== b);
      case "Eq": return H.bool(eq(a, b));
      case "NotEq": {
        if (a instanceof PyInstance) { const r = callDunder(a, "__ne__", [b]); if (r) return r; }
        return H.bool(!eq(a, b));
      }
      case "In": return H.bool(contains(b, a));
      case "NotIn": return H.bool(!contains(b, a));
      default: {
        if (a instanceof PyInstance || b instanceof PyInstance) {
          const [m, rm] = DUNDER_CMP[op];
          if (a instanceof PyInstance) { const r = callDunder(a, m, [b]); if (r) return r; }
          if (b instanceof PyInstance) { const r = callDunder(b, rm, [a]); if (r) return r; }
          cmpErr(OPSYM[op], a, b);
        }
        if ((a instanceof PySet && b instanceof PySet)) uns("set ordering comparisons");
        const c = order(a, b, OPSYM[op]);
        if (Number.isNaN(c)) return H.False;
        return H.bool(op === "Lt" ? c < 0 : op === "LtE" ? c <= 0 : op === "Gt" ? c > 0 : c >= 0);
      }
    }
  };

  const truthy = (v: PyObj): boolean => {
    if (v instanceof PyBool) return v.v;
    if (v instanceof PyNone) return false;
    if (v instanceof PyInt) return v.v !== 0n;
    if (v instanceof PyFloat) return v.v !== 0;
    if (v instanceof PyStr) return v.v.length > 0;
    if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
    if (v instanceof PyDict || v instanceof PySet) return v.map.size > 0;
    if (v instanceof PyRange) return rangeLen(v) > 0n;
    if (v instanceof PyInstance) {
      const r = callDunder(v, "__bool__") ?? callDunder(v, "__len__");
      if (r) { const t = r instanceof PyBool ? r.v : r instanceof PyInt ? r.v !== 0n : throwPy("TypeError", "__bool__ should return bool"); I.decref(r); return t; }
    }
    return true;
  };

  I.ops = { truthy, binop, unary, compare, repr, str: toStr };

  // ---------- containers ----------
  const copyDict = (a: PyDict): PyDict => {
    const d = H.add(new PyDict());
    for (const e of a.map.values()) I.dictSet(d, e.key, inc(e.value));
    return d;
  };
  const extend = (l: PyList, src: PyObj) => {
    const items = src instanceof PyList || src instanceof PyTuple ? src.items.slice() : collectIter(src);
    const owned = src instanceof PyList || src instanceof PyTuple ? items.map(inc) : items;
    if (owned.length === 0) return;
    if (l.items.length === 0 && (src instanceof PyList || src instanceof PyTuple)) {
      l.allocated = Math.max(l.allocated, owned.length);
      I.listResize(l, owned.length);
    } else I.listResize(l, l.items.length + owned.length);
    l.items.push(...owned);
  };
  const setOp = (op: string, a: PySet, b: PySet): PySet => {
    const s = H.add(new PySet());
    s.addsOnly = false;
    const add = (x: PyObj) => I.setAdd(s, x);
    if (op === "BitOr") { for (const x of a.map.values()) add(x); for (const x of b.map.values()) add(x); }
    else if (op === "BitAnd") { for (const [k, x] of a.map) if (b.map.has(k)) add(x); }
    else if (op === "Sub") { for (const [k, x] of a.map) if (!b.map.has(k)) add(x); }
    else { for (const [k, x] of a.map) if (!b.map.has(k)) add(x); for (const [k, x] of b.map) if (!a.map.has(k)) add(x); }
    return s;
  };
  /** Items of an iterable; `unordered` consumers (sorted, sum, set(), ...) may take a set in any order. */
  const collectIter = (src: PyObj, unordered = false): PyObj[] => {
    if (unordered && src instanceof PySet) return [...src.map.values()].map(inc);
    const it = I.getIter(src);
    const out: PyObj[] = [];
    try { for (;;) { const x = I.iterNext(it); if (!x) break; out.push(x); } } catch (e) { out.forEach((x) => I.decref(x)); throw e; } finally { I.decref(it); }
    return out;
  };

  const normIndex = (i: PyObj, n: number, what: string): number => {
    if (!(i instanceof PyInt || i instanceof PyBool)) throwPy("TypeError", `${what} indices must be integers or slices, not ${typeName(i)}`);
    let k = Number(num(i));
    if (k < 0) k += n;
    return k;
  };
  const sliceBounds = (s: PySlice, n: number): [number, number, number] => {
    const g = (o: PyObj): number | null => (o instanceof PyNone ? null : (num(o) !== null && typeof num(o) === "bigint") ? Number(num(o)) : throwPy("TypeError", "slice indices must be integers or None or have an __index__ method"));
    const step = g(s.step) ?? 1;
    if (step === 0) throwPy("ValueError", "slice step cannot be zero");
    let lo = g(s.lower);
    let hi = g(s.upper);
    if (step > 0) {
      lo = lo === null ? 0 : lo < 0 ? Math.max(0, lo + n) : Math.min(lo, n);
      hi = hi === null ? n : hi < 0 ? Math.max(0, hi + n) : Math.min(hi, n);
    } else {
      lo = lo === null ? n - 1 : lo < 0 ? Math.max(-1, lo + n) : Math.min(lo, n - 1);
      hi = hi === null ? -1 : hi < 0 ? Math.max(-1, hi + n) : Math.min(hi, n - 1);
    }
    return [lo, hi, step];
  };
  const sliceIdx = (s: PySlice, n: number): number[] => {
    const [lo, hi, st] = sliceBounds(s, n);
    const out: number[] = [];
    if (st > 0) for (let i = lo; i < hi; i += st) out.push(i);
    else for (let i = lo; i > hi; i += st) out.push(i);
    return out;
  };
  /**
   * list_ass_subscript with a step other than 1: PySequence_Fast(value) (the list or tuple
   * itself, else a new list; a copy when assigning a list to itself), the sizes must match, each
   * slot takes a new reference, then the replaced items are released first to last, then seq.
   * `v` is a reference the caller gives away.
   */
  const assignExtendedSlice = (o: PyList, i: PySlice, v: PyObj): void => {
    let idx: number[];
    try { idx = sliceIdx(i, o.items.length); } catch (e) { I.decref(v); throw e; }
    let seq: PyObj[];
    if (v instanceof PyList || v instanceof PyTuple) seq = v.items.slice();
    else {
      const atomic = v instanceof PyInt || v instanceof PyBool || v instanceof PyFloat || v instanceof PyNone;
      if (atomic) { I.decref(v); throwPy("TypeError", "must assign iterable to extended slice"); }
      try { seq = collectIter(v); } finally { I.decref(v); }
      const temp = H.list(seq);
      seq = temp.items;
      v = temp;
    }
    if (seq.length !== idx.length) {
      I.decref(v);
      throwPy("ValueError", `attempt to assign sequence of size ${seq.length} to extended slice of size ${idx.length}`);
    }
    const garbage: PyObj[] = [];
    idx.forEach((k, n) => { garbage.push(o.items[k]); o.items[k] = inc(seq[n]); });
    for (const g of garbage) I.decref(g);
    I.decref(v);
  };

  I.itemOps = {
    get(o, i) {
      if (o instanceof PyList || o instanceof PyTuple || o instanceof PyStr) {
        const what = o instanceof PyList ? "list" : o instanceof PyTuple ? "tuple" : "string";
        const n = o instanceof PyStr ? o.v.length : o.items.length;
        if (i instanceof PySlice) {
          const idx = sliceIdx(i, n);
          if (o instanceof PyStr) {
            if (idx.length === n && (num(i.step) === null || num(i.step) === 1n)) return inc(o);
            return str(idx.map((k) => o.v[k]).join(""));
          }
          if (o instanceof PyTuple && idx.length === n && (i.step instanceof PyNone || num(i.step) === 1n)) return inc(o);
          const items = idx.map((k) => inc(o.items[k]));
          return o instanceof PyList ? H.list(items) : tuple(items);
        }
        const k = normIndex(i, n, what);
        if (k < 0 || k >= n) throwPy("IndexError", `${what} index out of range`);
        return o instanceof PyStr ? str(o.v[k]) : inc(o.items[k]);
      }
      if (o instanceof PyDict) {
        const v = I.dictGet(o, i);
        if (!v) { const e = I.instantiate(I.getType("KeyError"), [i]); throw new PyException(e); }
        return inc(v);
      }
      if (o instanceof PyRange) {
        if (i instanceof PySlice) uns("range slicing");
        const n = Number(rangeLen(o));
        const k = normIndex(i, n, "range");
        if (k < 0 || k >= n) throwPy("IndexError", "range object index out of range");
        return int(o.start + BigInt(k) * o.step);
      }
      if (o instanceof PyWeakValueDict) {
        const e = o.map.get(I.key(i));
        if (!e || !e.ref.target) { const ex = I.instantiate(I.getType("KeyError"), [i]); throw new PyException(ex); }
        return inc(e.ref.target);
      }
      if (o instanceof PyInstance) { const r = callDunder(o, "__getitem__", [i]); if (r) return r; }
      if (o instanceof PyType) uns("subscripting a class");
      return throwPy("TypeError", `'${typeName(o)}' object is not subscriptable`);
    },
    set(o, i, v) {
      if (o instanceof PyList) {
        if (i instanceof PySlice) {
          const [lo, hi, st] = sliceBounds(i, o.items.length);
          if (st !== 1) return assignExtendedSlice(o, i, v);
          const repl = v instanceof PyList || v instanceof PyTuple ? v.items.map(inc) : collectIter(v);
          I.decref(v);
          const removed = o.items.splice(lo, Math.max(0, hi - lo), ...repl);
          I.listResize(o, o.items.length);
          removed.reverse().forEach((x) => I.decref(x));
          return;
        }
        const k = normIndex(i, o.items.length, "list");
        if (k < 0 || k >= o.items.length) { I.decref(v); throwPy("IndexError", "list assignment index out of range"); }
        const old = o.items[k];
        o.items[k] = v;
        I.decref(old);
        return;
      }
      if (o instanceof PyDict) return I.dictSet(o, i, v);
      if (o instanceof PyWeakValueDict) { wvdSet(o, i, v); I.decref(v); return; }
      if (o instanceof PyInstance) { const r = callDunder(o, "__setitem__", [i, v]); I.decref(v); if (r) { I.decref(r); return; } }
      else I.decref(v);
      throwPy("TypeError", `'${typeName(o)}' object does not support item assignment`);
    },
    del(o, i) {
      if (o instanceof PyList) {
        if (i instanceof PySlice) {
          const step = sliceBounds(i, o.items.length)[2];
          const idx = sliceIdx(i, o.items.length).sort((a, b) => b - a);
          const removed: PyObj[] = [];
          for (const k of idx) removed.push(...o.items.splice(k, 1));
          I.listResize(o, o.items.length);
          // list_ass_slice releases the removed run last-first; an extended slice first-last
          (step === 1 ? removed : removed.reverse()).forEach((x) => I.decref(x));
          return;
        }
        const k = normIndex(i, o.items.length, "list");
        if (k < 0 || k >= o.items.length) throwPy("IndexError", "list assignment index out of range");
        const [old] = o.items.splice(k, 1);
        I.listResize(o, o.items.length);
        I.decref(old);
        return;
      }
      if (o instanceof PyDict) {
        if (!I.dictDel(o, i)) { const e = I.instantiate(I.getType("KeyError"), [i]); throw new PyException(e); }
        return;
      }
      if (o instanceof PyWeakValueDict) {
        const k = I.key(i);
        const e = o.map.get(k);
        if (!e) { const ex = I.instantiate(I.getType("KeyError"), [i]); throw new PyException(ex); }
        o.map.delete(k);
        I.decref(e.key);
        I.decref(e.ref);
        return;
      }
      throwPy("TypeError", `'${typeName(o)}' object doesn't support item deletion`);
    },
  };

  // ---------- iteration ----------
  const seqIter = (src: PyObj, label: string, get: (i: number) => PyObj | null) => H.add(new PyIterator(inc(src), get, label));
  const dictView = (d: PyDict, label: string, item: (e: { key: PyObj; value: PyObj }) => PyObj) => {
    const view = H.add(new PyIterator(inc(d), (i) => { const e = [...d.map.values()][i]; return e ? item(e) : null; }, label));
    return view;
  };
  I.iterOps = {
    iter(v) {
      if (v instanceof PyList) return seqIter(v, "list_iterator", (i) => (i < v.items.length ? inc(v.items[i]) : null));
      if (v instanceof PyTuple) return seqIter(v, "tuple_iterator", (i) => (i < v.items.length ? inc(v.items[i]) : null));
      if (v instanceof PyStr) { const chars = [...v.v]; return seqIter(v, "str_ascii_iterator", (i) => (i < chars.length ? str(chars[i]) : null)); }
      if (v instanceof PyDict) {
        wholeModuleDict(v);
        const size = v.map.size;
        return seqIter(v, "dict_keyiterator", (i) => {
          if (v.map.size !== size) throwPy("RuntimeError", "dictionary changed size during iteration");
          const e = [...v.map.values()][i];
          return e ? inc(e.key) : null;
        });
      }
      if (v instanceof PySet) {
        const items = setItemsOrdered(v);
        const size = v.map.size;
        return seqIter(v, "set_iterator", (i) => { if (v.map.size !== size) throwPy("RuntimeError", "Set changed size during iteration"); return i < items.length ? inc(items[i]) : null; });
      }
      if (v instanceof PyRange) {
        const n = rangeLen(v);
        return seqIter(v, "range_iterator", (i) => (BigInt(i) < n ? int(v.start + BigInt(i) * v.step) : null));
      }
      if (v instanceof PyIterator) {
        if (v.label.startsWith("dict_")) return seqIter(v, v.label.replace("dict_", "dict_") + "iterator", (i) => v.itemsOf(i));
        return inc(v);
      }
      if (v instanceof PyWeakValueDict) return wvdIter(v, "keys");
      if (v instanceof PyInstance && (v.cls.lookup("__iter__") || v.cls.lookup("__getitem__"))) uns("user-defined iterators");
      return throwPy("TypeError", `'${typeName(v)}' object is not iterable`);
    },
    next(it) {
      if (!(it instanceof PyIterator)) return throwPy("TypeError", `'${typeName(it)}' object is not an iterator`);
      const x = it.itemsOf(it.index);
      if (x) it.index++;
      return x;
    },
  };

  // ---------- weak references ----------
  const canWeakref = (o: PyObj): boolean =>
    (o instanceof PyInstance && o.cls.hasWeakrefSlot && !o.cls.builtin) || o instanceof PyFunction || (o instanceof PyType && !o.builtin) || o instanceof PySet;
  const newWeakref = (target: PyObj, cb: PyObj | null): PyWeakref => {
    if (!canWeakref(target)) {
      if (target instanceof PyInstance && target.cls.builtin) uns("weak reference to a built-in object");
      throwPy("TypeError", `cannot create weak reference to '${typeName(target)}' object`);
    }
    if (!cb) {
      const basic = target.weakrefs?.find((r) => !r.callback);
      if (basic) return inc(basic);
    }
    const r = H.add(new PyWeakref(target, cb ? inc(cb) : null));
    if (!target.weakrefs) target.weakrefs = [];
    if (!cb) target.weakrefs.unshift(r); else target.weakrefs.push(r);
    return r;
  };
  /**
   * WeakValueDictionary.keys/values/items (and iter()) are generators over the live entries:
   * `for k, wr in self.data.items(): if wr() is not None: yield ...`. Entries are read in
   * insertion order, each checked for a live value when the generator reaches it.
   */
  const wvdIter = (d: PyWeakValueDict, what: "keys" | "values" | "items"): PyObj => {
    const entries = [...d.map.values()];
    let pos = 0;
    return H.add(new PyIterator(inc(d), () => {
      while (pos < entries.length) {
        const e = entries[pos++];
        const t = e.ref.target;
        if (!t) continue;
        if (what === "keys") return inc(e.key);
        if (what === "values") return inc(t);
        return tuple([inc(e.key), inc(t)]);
      }
      return null;
    }, "generator"));
  };
  const wvdSet = (d: PyWeakValueDict, k: PyObj, v: PyObj) => {
    const hk = I.key(k);
    const remover = fn("remove", () => { const e = d.map.get(hk); if (e && !e.ref.target) { d.map.delete(hk); I.decref(e.key); I.decref(e.ref); } return None; });
    const ref = newWeakref(v, remover);
    const old = d.map.get(hk);
    d.map.set(hk, { key: old ? old.key : inc(k), ref });
    if (old) I.decref(old.ref);
  };

  // ---------- methods of built-in types ----------
  const bound = (self: PyObj, name: string, f: BuiltinFn): PyBuiltin => H.add(new PyBuiltin(name, guard(name, f), inc(self)));
  const strMethods = (s: PyStr, name: string): BuiltinFn | null => {
    const v = s.v;
    const argStr = (o: PyObj | undefined, m: string): string => { if (!(o instanceof PyStr)) uns(`str.${m}() with a non-str argument`); return o.v; };
    switch (name) {
      case "upper": return () => str(v.toUpperCase());
      case "lower": return () => str(v.toLowerCase());
      case "title": return () => str(v.replace(/[A-Za-z]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()));
      case "capitalize": return () => str(v ? v[0].toUpperCase() + v.slice(1).toLowerCase() : "");
      case "strip": return (a) => str(a[1] && !(a[1] instanceof PyNone) ? trimChars(v, argStr(a[1], "strip"), true, true) : v.replace(/^\s+|\s+$/g, ""));
      case "lstrip": return (a) => str(a[1] && !(a[1] instanceof PyNone) ? trimChars(v, argStr(a[1], "lstrip"), true, false) : v.replace(/^\s+/, ""));
      case "rstrip": return (a) => str(a[1] && !(a[1] instanceof PyNone) ? trimChars(v, argStr(a[1], "rstrip"), false, true) : v.replace(/\s+$/, ""));
      case "split": return (a, kw) => {
        const sep = a[1] ?? kw.get("sep");
        const max = a[2] ?? kw.get("maxsplit");
        if (max && !(max instanceof PyInt && max.v === -1n)) uns("split with maxsplit");
        let parts: string[];
        if (!sep || sep instanceof PyNone) parts = v.split(/\s+/).filter((x) => x.length);
        else { const sp = argStr(sep, "split"); if (!sp) throwPy("ValueError", "empty separator"); parts = v.split(sp); }
        return H.list(parts.map(str));
      };
      case "join": return (a) => {
        const items = a[1] instanceof PyList || a[1] instanceof PyTuple ? a[1].items.map(inc) : collectIter(a[1]);
        try {
          items.forEach((x, i) => { if (!(x instanceof PyStr)) throwPy("TypeError", `sequence item ${i}: expected str instance, ${typeName(x)} found`); });
          if (items.length === 1 && items[0] instanceof PyStr) return inc(items[0]);
          return str(items.map((x) => (x as PyStr).v).join(v));
        } finally { items.forEach((x) => I.decref(x)); }
      };
      case "replace": return (a) => { const o = argStr(a[1], "replace"); const n = argStr(a[2], "replace"); if (a[3]) uns("replace count"); if (!v.includes(o)) return inc(s); return str(o === "" ? uns("replace of empty string") : v.split(o).join(n)); };
      case "startswith": return (a) => { if (a[1] instanceof PyTuple) return H.bool(a[1].items.some((x) => v.startsWith(argStr(x, "startswith")))); return H.bool(v.startsWith(argStr(a[1], "startswith"))); };
      case "endswith": return (a) => { if (a[1] instanceof PyTuple) return H.bool(a[1].items.some((x) => v.endsWith(argStr(x, "endswith")))); return H.bool(v.endsWith(argStr(a[1], "endswith"))); };
      case "find": return (a) => int(v.indexOf(argStr(a[1], "find")));
      case "index": return (a) => { const k = v.indexOf(argStr(a[1], "index")); if (k < 0) throwPy("ValueError", "substring not found"); return int(k); };
      case "count": return (a) => { const sub = argStr(a[1], "count"); if (!sub) return int(v.length + 1); return int(v.split(sub).length - 1); };
      case "isdigit": return () => H.bool(/^[0-9]+$/.test(v));
      case "isalpha": return () => H.bool(/^[A-Za-z]+$/.test(v));
      case "isalnum": return () => H.bool(/^[A-Za-z0-9]+$/.test(v));
      case "isspace": return () => H.bool(/^\s+$/.test(v));
      case "isupper": return () => H.bool(/[A-Z]/.test(v) && !/[a-z]/.test(v));
      case "islower": return () => H.bool(/[a-z]/.test(v) && !/[A-Z]/.test(v));
      case "zfill": return (a) => { const w = Number(asInt(a[1], "")); const sign = /^[+-]/.test(v) ? v[0] : ""; const body = sign ? v.slice(1) : v; return v.length >= w ? inc(s) : str(sign + body.padStart(w - sign.length, "0")); };
      case "center": case "ljust": case "rjust": return (a) => {
        const w = Number(asInt(a[1], ""));
        const fill = a[2] ? argStr(a[2], name) : " ";
        if (v.length >= w) return inc(s);
        if (name === "ljust") return str(v + fill.repeat(w - v.length));
        if (name === "rjust") return str(fill.repeat(w - v.length) + v);
        const total = w - v.length;
        const left = Math.floor(total / 2) + (total & w & 1);
        return str(fill.repeat(left) + v + fill.repeat(total - left));
      };
      case "format": return (a, kw) => str(strFormat(v, a.slice(1), kw));
      default: return null;
    }
  };
  const trimChars = (v: string, chars: string, left: boolean, right: boolean) => {
    let a = 0;
    let b = v.length;
    if (left) while (a < b && chars.includes(v[a])) a++;
    if (right) while (b > a && chars.includes(v[b - 1])) b--;
    return v.slice(a, b);
  };
  const strFormat = (fmt: string, args: PyObj[], kw: KW): string => {
    let auto = 0;
    return fmt.replace(/\{\{|\}\}|\{([^{}!:]*)(?:!([rs]))?(?::([^{}]*))?\}/g, (m, field: string | undefined, conv: string | undefined, spec: string | undefined) => {
      if (m === "{{") return "{";
      if (m === "}}") return "}";
      let v: PyObj | undefined;
      const f = field ?? "";
      if (f === "") v = args[auto++];
      else if (/^\d+$/.test(f)) v = args[parseInt(f, 10)];
      else if (/^\w+$/.test(f)) v = kw.get(f);
      else uns("format field " + f);
      if (!v) return throwPy("IndexError", `Replacement index ${f || auto - 1} out of range for positional args tuple`);
      if (conv === "r") return I.formatSpec(str(repr(v)), spec ?? "");
      if (conv === "s") return I.formatSpec(str(toStr(v)), spec ?? "");
      return I.formatSpec(v, spec ?? "");
    });
  };

  const listMethods = (l: PyList, name: string): BuiltinFn | null => {
    switch (name) {
      case "append": return (a) => { nargs("append", a.slice(1), 1, 1); I.listAppend(l, inc(a[1])); return None; };
      case "extend": return (a) => { extend(l, a[1]); return None; };
      case "insert": return (a) => {
        let k = Number(asInt(a[1], ""));
        const n = l.items.length;
        if (k < 0) k = Math.max(0, k + n);
        k = Math.min(k, n);
        I.listResize(l, n + 1);
        l.items.splice(k, 0, inc(a[2]));
        return None;
      };
      case "pop": return (a) => {
        if (!l.items.length) throwPy("IndexError", "pop from empty list");
        let k = a[1] ? Number(asInt(a[1], "")) : l.items.length - 1;
        if (k < 0) k += l.items.length;
        if (k < 0 || k >= l.items.length) throwPy("IndexError", "pop index out of range");
        const [v] = l.items.splice(k, 1);
        I.listResize(l, l.items.length);
        return v;
      };
      case "remove": return (a) => {
        const k = l.items.findIndex((x) => x === a[1] || eq(x, a[1]));
        if (k < 0) throwPy("ValueError", "list.remove(x): x not in list");
        const [v] = l.items.splice(k, 1);
        I.listResize(l, l.items.length);
        I.decref(v);
        return None;
      };
      case "index": return (a) => { if (a.length > 2) uns("list.index with bounds"); const k = l.items.findIndex((x) => x === a[1] || eq(x, a[1])); if (k < 0) throwPy("ValueError", P.version >= "3.14" ? "list.index(x): x not in list" : `${repr(a[1])} is not in list`); return int(k); };
      case "count": return (a) => int(l.items.filter((x) => x === a[1] || eq(x, a[1])).length);
      case "copy": return () => H.list(l.items.map(inc));
      case "clear": return () => { const old = l.items; l.items = []; l.allocated = 0; old.reverse().forEach((x) => I.decref(x)); return None; };
      case "reverse": return () => { l.items.reverse(); return None; };
      case "sort": return (a, kw) => { if (a.length > 1) throwPy("TypeError", "sort() takes no positional arguments"); sortItems(l.items, kw); return None; };
      default: return null;
    }
  };
  const sortItems = (items: PyObj[], kw: KW) => {
    const keyFn = kw.get("key");
    const rev = kw.get("reverse");
    const keys = keyFn && !(keyFn instanceof PyNone) ? items.map((x) => I.callObject(keyFn, [x], new Map(), false)) : items;
    const idx = items.map((_, i) => i);
    try {
      idx.sort((i, j) => { const c = order(keys[i], keys[j], "<"); return c < 0 ? -1 : c > 0 ? 1 : 0; });
      if (rev && truthy(rev)) {
        // reverse=True keeps equal elements in their original order
        idx.sort((i, j) => { const c = order(keys[j], keys[i], "<"); return c < 0 ? -1 : c > 0 ? 1 : i - j; });
      }
    } finally { if (keys !== items) keys.forEach((k) => I.decref(k)); }
    const sorted = idx.map((i) => items[i]);
    for (let i = 0; i < items.length; i++) items[i] = sorted[i];
  };
  const dictMethods = (d: PyDict, name: string): BuiltinFn | null => {
    switch (name) {
      case "keys": return () => dictView(d, "dict_keys", (e) => inc(e.key));
      case "values": return () => dictView(d, "dict_values", (e) => inc(e.value));
      case "items": return () => dictView(d, "dict_items", (e) => tuple([inc(e.key), inc(e.value)]));
      case "get": return (a) => { const v = I.dictGet(d, a[1]); return v ? inc(v) : a[2] ? inc(a[2]) : None; };
      case "pop": return (a) => {
        const k = I.key(a[1]);
        const e = d.map.get(k);
        if (!e) { if (a[2]) return inc(a[2]); throw new PyException(I.instantiate(I.getType("KeyError"), [a[1]])); }
        d.map.delete(k);
        d.hadDeletion = true;
        I.decref(e.key);
        return e.value;
      };
      case "setdefault": return (a) => { const v = I.dictGet(d, a[1]); if (v) return inc(v); const dv = a[2] ?? None; I.dictSet(d, a[1], inc(dv)); return inc(dv); };
      case "update": return (a, kw) => {
        if (a[1] instanceof PyDict) for (const e of a[1].map.values()) I.dictSet(d, e.key, inc(e.value));
        else if (a[1]) uns("dict.update from a non-dict");
        for (const [k, v] of kw) I.dictSet(d, H.intern(k), inc(v));
        return None;
      };
      case "copy": return () => copyDict(d);
      case "clear": return () => { const es = [...d.map.values()]; d.map.clear(); d.log2 = -1; d.hadDeletion = true; for (const e of es) { I.decref(e.key); I.decref(e.value); } return None; };
      case "popitem": return () => uns("dict.popitem");
      default: return null;
    }
  };
  const setMethods = (s: PySet, name: string): BuiltinFn | null => {
    switch (name) {
      case "add": return (a) => { I.setAdd(s, a[1]); return None; };
      case "remove": case "discard": return (a) => {
        const k = I.key(a[1]);
        const v = s.map.get(k);
        if (!v) { if (name === "remove") throw new PyException(I.instantiate(I.getType("KeyError"), [a[1]])); return None; }
        s.map.delete(k);
        s.hadDeletion = true;
        I.decref(v);
        return None;
      };
      case "union": return (a) => { const r = setOp("BitOr", s, H.add(new PySet())); r.addsOnly = false; for (const x of a.slice(1)) for (const y of collectIter(x)) { I.setAdd(r, y); I.decref(y); } return r; };
      case "intersection": case "difference": case "symmetric_difference": return (a) => {
        const other = a[1] instanceof PySet ? inc(a[1]) : (() => { const t = H.add(new PySet()); for (const y of collectIter(a[1])) { I.setAdd(t, y); I.decref(y); } return t; })();
        try { return setOp(name === "intersection" ? "BitAnd" : name === "difference" ? "Sub" : "BitXor", s, other); } finally { I.decref(other); }
      };
      case "update": return (a) => { if (a[1] instanceof PySet || a[1] instanceof PyDict) s.addsOnly = false; for (const y of collectIter(a[1])) { I.setAdd(s, y); I.decref(y); } return None; };
      case "copy": return () => { const r = H.add(new PySet()); r.addsOnly = false; I.setPresize(r, s.map.size); for (const x of s.map.values()) I.setAdd(r, x); return r; };
      case "clear": return () => { const vs = [...s.map.values()]; s.map.clear(); s.mask = 7; s.fill = 0; vs.forEach((x) => I.decref(x)); return None; };
      case "issubset": return (a) => { const o = a[1]; if (!(o instanceof PySet)) uns("issubset of a non-set"); return H.bool([...s.map.keys()].every((k) => o.map.has(k))); };
      case "issuperset": return (a) => { const o = a[1]; if (!(o instanceof PySet)) uns("issuperset of a non-set"); return H.bool([...o.map.keys()].every((k) => s.map.has(k))); };
      case "pop": return () => uns("set.pop (order follows the hash table)");
      default: return null;
    }
  };

  I.builtinAttr = (o, name) => {
    let m: BuiltinFn | null = null;
    if (o instanceof PyStr) m = strMethods(o, name);
    else if (o instanceof PyList) m = listMethods(o, name);
    else if (o instanceof PyDict) {
      if (!["get", "pop", "setdefault", "update"].includes(name)) wholeModuleDict(o);
      m = dictMethods(o, name);
    }
    else if (o instanceof PySet) m = setMethods(o, name);
    else if (o instanceof PyTuple) {
      if (name === "count") m = (a) => int(o.items.filter((x) => x === a[1] || eq(x, a[1])).length);
      if (name === "index") m = (a) => { const k = o.items.findIndex((x) => x === a[1] || eq(x, a[1])); if (k < 0) throwPy("ValueError", "tuple.index(x): x not in tuple"); return int(k); };
    } else if (o instanceof PyInt) {
      if (name === "bit_length") m = () => int(o.v === 0n ? 0 : (o.v < 0n ? -o.v : o.v).toString(2).length);
      if (name === "real") return inc(o);
    } else if (o instanceof PyFloat) {
      if (name === "is_integer") m = () => H.bool(Number.isInteger(o.v));
    } else if (o instanceof PyWeakValueDict) {
      if (name === "get") m = (a) => { const e = o.map.get(I.key(a[1])); return e?.ref.target ? inc(e.ref.target) : a[2] ? inc(a[2]) : None; };
      if (name === "keys" || name === "items" || name === "values") m = () => wvdIter(o, name);
    } else if (o instanceof PyIterator && o.label.startsWith("dict_")) {
      return null;
    } else if (o instanceof PyInstance && o.cls === threadT) {
      if (name === "name") { const d = threadData.get(o); return d ? str(d.name) : null; }
      m = threadMethod(o, name);
    }
    else if (o instanceof PyInstance && o.cls === lockT) m = lockMethod(o, name);
    else if (o instanceof PyBuiltin && name === "__name__") return str(o.name);
    return m ? bound(o, name, m) : null;
  };

  // ---------- builtin functions ----------
  def("print", (args, kw) => {
    // up to 3.13 the first prints make sys.stdout's pending-output list and more; 3.14 (Pyodide)
    // allocates nothing for atomic values, but Py_ReprEnter's first use makes a list and a dict
    if (P.version !== "3.14" || !args.every(printsPlainly)) countUnknown(H);
    const sep = kw.get("sep");
    const end = kw.get("end");
    if (kw.has("file")) uns("print(file=...)");
    for (const k of kw.keys()) if (!["sep", "end", "file", "flush"].includes(k)) throwPy("TypeError", `'${k}' is an invalid keyword argument for print()`);
    const sepS = !sep || sep instanceof PyNone ? " " : sep instanceof PyStr ? sep.v : throwPy("TypeError", `sep must be None or a string, not ${typeName(sep)}`);
    const endS = !end || end instanceof PyNone ? "\n" : end instanceof PyStr ? end.v : throwPy("TypeError", `end must be None or a string, not ${typeName(end)}`);
    I.out += args.map(toStr).join(sepS) + endS;
    return None;
  });
  def("len", (a, kw) => {
    noKw("len", kw);
    nargs("len", a, 1, 1);
    const o = a[0];
    if (o instanceof PyStr) return int([...o.v].length);
    if (o instanceof PyList || o instanceof PyTuple) return int(o.items.length);
    if (o instanceof PyDict) wholeModuleDict(o);
    if (o instanceof PyDict || o instanceof PySet) return int(o.map.size);
    if (o instanceof PyRange) return int(rangeLen(o));
    if (o instanceof PyWeakValueDict) return int([...o.map.values()].filter((e) => e.ref.target).length);
    if (o instanceof PyIterator && o.label.startsWith("dict_")) return int((o.source as PyDict).map.size);
    if (o instanceof PyInstance) { const r = callDunder(o, "__len__"); if (r) return r; }
    return throwPy("TypeError", `object of type '${typeName(o)}' has no len()`);
  });
  def("id", (a) => { nargs("id", a, 1, 1); return int(0x7f3a00000000n + BigInt(a[0].id) * 16n); });
  def("type", (a) => {
    if (a.length !== 1) uns("type() with 3 arguments");
    return inc(typeOf(a[0]));
  });
  const isInst = (o: PyObj, t: PyObj): boolean => {
    if (t instanceof PyTuple) return t.items.some((x) => isInst(o, x));
    if (!(t instanceof PyType)) return throwPy("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union");
    if (t === object) return true;
    return typeOf(o).isSubtypeOf(t);
  };
  def("isinstance", (a) => { nargs("isinstance", a, 2, 2); return H.bool(isInst(a[0], a[1])); });
  def("issubclass", (a) => { if (!(a[0] instanceof PyType)) throwPy("TypeError", "issubclass() arg 1 must be a class"); const t = a[1]; const ts = t instanceof PyTuple ? t.items : [t]; return H.bool(ts.some((x) => x instanceof PyType && (a[0] as PyType).isSubtypeOf(x))); });
  def("range", (a) => {
    if (a.length < 1 || a.length > 3) throwPy("TypeError", `range expected at least 1 argument, got ${a.length}`);
    const v = a.map((x) => { if (!(x instanceof PyInt || x instanceof PyBool)) throwPy("TypeError", `'${typeName(x)}' object cannot be interpreted as an integer`); return num(x) as bigint; });
    const [start, stop, step] = a.length === 1 ? [0n, v[0], 1n] : [v[0], v[1], v[2] ?? 1n];
    if (step === 0n) throwPy("ValueError", "range() arg 3 must not be zero");
    return H.add(new PyRange(start, stop, step));
  });
  def("repr", (a) => str(repr(a[0])));
  def("ascii", () => uns("ascii()"));
  def("hash", (a) => { const o = a[0]; const n = num(o); if (typeof n === "bigint" && exact(n) && n !== -1n) return int(n); if (o instanceof PyStr) uns("hash of a str (randomised per run)"); return uns("hash()"); });
  def("abs", (a) => { const n = num(a[0]); if (n === null) throwPy("TypeError", `bad operand type for abs(): '${typeName(a[0])}'`); return typeof n === "bigint" ? int(n < 0n ? -n : n) : H.float(Math.abs(n)); });
  def("min", (a, kw) => minmax(a, kw, -1, "min"));
  def("max", (a, kw) => minmax(a, kw, 1, "max"));
  const minmax = (a: PyObj[], kw: KW, sign: number, name: string): PyObj => {
    const keyFn = kw.get("key");
    const items = a.length === 1 ? collectIter(a[0], !keyFn && a[0] instanceof PySet && [...a[0].map.values()].every((x) => x instanceof PyInt)) : a.map(inc);
    try {
      if (!items.length) { const d = kw.get("default"); if (d) return inc(d); throwPy("ValueError", `${name}() ${P.version >= "3.12" ? "iterable argument is empty" : "arg is an empty sequence"}`); }
      let best = items[0];
      let bestKey = keyFn ? I.callObject(keyFn, [best], new Map(), false) : inc(best);
      for (let i = 1; i < items.length; i++) {
        const k = keyFn ? I.callObject(keyFn, [items[i]], new Map(), false) : inc(items[i]);
        if (order(k, bestKey, sign > 0 ? ">" : "<") * sign > 0) { I.decref(bestKey); bestKey = k; best = items[i]; } else I.decref(k);
      }
      I.decref(bestKey);
      return inc(best);
    } finally { items.forEach((x) => I.decref(x)); }
  };
  def("sum", (a, kw) => {
    const items = collectIter(a[0], a[0] instanceof PySet && [...a[0].map.values()].every((x) => x instanceof PyInt || x instanceof PyBool));
    let acc: PyObj = inc(a[1] ?? kw.get("start") ?? int(0));
    try {
      if (acc instanceof PyStr) throwPy("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
      for (const x of items) { const r = binop("Add", acc, x, false); I.decref(acc); acc = r; }
      return acc;
    } finally { items.forEach((x) => I.decref(x)); }
  });
  def("sorted", (a, kw) => { const l = listFrom(a[0], !kw.get("key") || kw.get("key") instanceof PyNone); sortItems(l.items, kw); return l; });
  def("reversed", (a) => {
    const o = a[0];
    if (o instanceof PyList || o instanceof PyTuple) { const n = o.items.length; return seqIter(o, o instanceof PyList ? "list_reverseiterator" : "reversed", (i) => (i < n && n - 1 - i < o.items.length ? inc(o.items[n - 1 - i]) : null)); }
    if (o instanceof PyRange) { const n = Number(rangeLen(o)); return seqIter(o, "range_iterator", (i) => (i < n ? int(o.start + BigInt(n - 1 - i) * o.step) : null)); }
    if (o instanceof PyStr) { const n = o.v.length; return seqIter(o, "reversed", (i) => (i < n ? str(o.v[n - 1 - i]) : null)); }
    return uns("reversed() of " + typeName(o));
  });
  def("enumerate", (a, kw) => {
    const it = I.getIter(a[0]);
    const start = num(a[1] ?? kw.get("start") ?? int(0)) as bigint;
    const e = H.add(new PyIterator(it, (i) => { const x = I.iterNext(it); return x ? tuple([int(start + BigInt(i)), x]) : null; }, "enumerate"));
    return e;
  });
  def("zip", (a, kw) => {
    if (kw.size) uns("zip(strict=...)");
    const its = a.map((x) => I.getIter(x));
    const holder = H.tuple(its);
    return H.add(new PyIterator(holder, () => {
      const got: PyObj[] = [];
      for (const it of its) { const x = I.iterNext(it); if (!x) { got.forEach((g) => I.decref(g)); return null; } got.push(x); }
      return tuple(got);
    }, "zip"));
  });
  def("iter", (a) => I.getIter(a[0]));
  def("next", (a) => {
    const x = I.iterNext(a[0]);
    if (x) return x;
    if (a[1]) return inc(a[1]);
    return throwPy("StopIteration", null);
  });
  // any/all stop at the first deciding item, as builtin_any/builtin_all do (a generator
  // argument is not run further); a set's items are tested in no particular order
  const anyAll = (src: PyObj, decides: boolean): PyObj => {
    if (src instanceof PySet) { const items = collectIter(src, true); try { return H.bool(decides ? items.some(truthy) : items.every(truthy)); } finally { items.forEach((x) => I.decref(x)); } }
    const it = I.getIter(src);
    try {
      for (;;) {
        const x = I.iterNext(it);
        if (!x) return H.bool(!decides);
        let t: boolean;
        try { t = truthy(x); } finally { I.decref(x); }
        if (t === decides) return H.bool(decides);
      }
    } finally { I.decref(it); }
  };
  def("any", (a) => anyAll(a[0], true));
  def("all", (a) => anyAll(a[0], false));
  def("round", (a) => {
    const n = num(a[0]);
    if (n === null) return throwPy("TypeError", `type ${typeName(a[0])} doesn't define __round__ method`);
    const nd = a[1] && !(a[1] instanceof PyNone) ? Number(asInt(a[1], "")) : null;
    if (typeof n === "bigint") { if (nd !== null && nd < 0) uns("round of int to negative digits"); return nd === null ? int(n) : inc(a[0]); }
    if (nd === null) {
      const f = Math.floor(n);
      const diff = n - f;
      const r = diff > 0.5 ? f + 1 : diff < 0.5 ? f : f % 2 === 0 ? f : f + 1;
      return int(BigInt(r));
    }
    if (nd < 0 || nd > 300 || !Number.isFinite(n)) uns("round() to that many digits");
    return H.float(roundExact(n, nd));
  });
  def("divmod", (a) => { const q = binop("FloorDiv", a[0], a[1], false); const r = binop("Mod", a[0], a[1], false); return cTuple([q, r]); });
  def("pow", (a) => { if (a.length === 3) { const b = num(a[0]) as bigint; let e = num(a[1]) as bigint; const m = num(a[2]) as bigint; let r = 1n; let x = ((b % m) + m) % m; while (e > 0n) { if (e & 1n) r = (r * x) % m; x = (x * x) % m; e >>= 1n; } return int(r); } return binop("Pow", a[0], a[1], false); });
  def("chr", (a) => {
    const c = asInt(a[0], "");
    if (c < 0n || c >= 0x110000n) throwPy("ValueError", "chr() arg not in range(0x110000)");
    return str(String.fromCodePoint(Number(c)));
  });
  def("ord", (a) => { const s = a[0]; if (!(s instanceof PyStr) || [...s.v].length !== 1) throwPy("TypeError", `ord() expected a character, but string of length ${s instanceof PyStr ? s.v.length : 0} found`); return int(s.v.codePointAt(0) ?? 0); });
  def("hex", (a) => { const v = asInt(a[0], ""); return str((v < 0n ? "-0x" : "0x") + (v < 0n ? -v : v).toString(16)); });
  def("bin", (a) => { const v = asInt(a[0], ""); return str((v < 0n ? "-0b" : "0b") + (v < 0n ? -v : v).toString(2)); });
  def("oct", (a) => { const v = asInt(a[0], ""); return str((v < 0n ? "-0o" : "0o") + (v < 0n ? -v : v).toString(8)); });
  def("callable", (a) => H.bool(a[0] instanceof PyFunction || a[0] instanceof PyBuiltin || a[0] instanceof PyType || a[0] instanceof PyMethod || (a[0] instanceof PyInstance && !!a[0].cls.lookup("__call__"))));
  def("hasattr", (a) => { const n = a[1]; if (!(n instanceof PyStr)) throwPy("TypeError", "attribute name must be string"); try { const v = I.getAttrOrNull(a[0], n.v); if (v) { I.decref(v); return H.True; } return H.False; } catch (e) { if (e instanceof PyException && e.exc.cls.isSubtypeOf(I.getType("AttributeError"))) { I.decref(e.exc); return H.False; } throw e; } });
  def("getattr", (a) => { const n = a[1]; if (!(n instanceof PyStr)) throwPy("TypeError", "attribute name must be string"); const v = I.getAttrOrNull(a[0], n.v); if (v) return v; if (a[2]) return inc(a[2]); return I.getAttr(a[0], n.v, true); });
  def("setattr", (a) => { const n = a[1]; if (!(n instanceof PyStr)) throwPy("TypeError", "attribute name must be string"); I.setAttr(a[0], n.v, inc(a[2])); return None; });
  def("delattr", (a) => { const n = a[1]; if (!(n instanceof PyStr)) throwPy("TypeError", "attribute name must be string"); I.delAttr(a[0], n.v); return None; });
  def("format", (a) => str(I.formatSpec(a[0], a[1] instanceof PyStr ? a[1].v : "")));
  def("vars", (a) => {
    const o = a[0];
    if (!(o instanceof PyInstance) || o.cls.builtin) return uns("vars() of " + (o ? typeName(o) : "nothing"));
    return I.getAttr(o, "__dict__", true);
  });
  def("globals", (a) => { nargs("globals", a, 0, 0); I.globals.moduleDict = true; return inc(I.globals); });
  const wholeModuleDict = (d: PyDict) => { if (d.moduleDict) uns("the whole of globals() (it holds start-up names we do not model)"); };
  for (const n of ["input", "open", "exit", "quit", "eval", "exec", "compile", "locals", "dir", "super", "staticmethod", "classmethod", "memoryview", "bytearray", "bytes", "frozenset", "complex", "breakpoint", "help", "__import__", "aiter", "anext", "object"]) {
    def(n, () => uns(`${n}()`));
  }
  I.builtins.set("object", object);
  def("property", (a) => { if (a.length !== 1) uns("property with setter/deleter"); return H.add(new PyProperty(inc(a[0]))); });
  I.builtins.set("None", None);

  // built-in types callable as constructors
  const ctor = (name: string, f: BuiltinFn) => { const t = I.getType(name); I.typeCtors.set(t, guard(name, f)); I.builtins.set(name, t); };
  ctor("int", (a, kw) => {
    if (!a.length) return int(0);
    const o = a[0];
    const base = a[1] ?? kw.get("base");
    if (o instanceof PyStr) {
      const b = base ? Number(asInt(base, "")) : 10;
      const t = o.v.trim().replace(/_/g, "");
      const ok = b === 10 ? /^[+-]?\d+$/.test(t) : b === 16 ? /^[+-]?(0x)?[0-9a-f]+$/i.test(t) : b === 2 ? /^[+-]?(0b)?[01]+$/i.test(t) : b === 8 ? /^[+-]?(0o)?[0-7]+$/i.test(t) : false;
      if (!ok) { if (![2, 8, 10, 16].includes(b)) uns("int() with that base"); throwPy("ValueError", `invalid literal for int() with base ${b}: ${strRepr(o.v)}`); }
      const neg = t.startsWith("-");
      const body = t.replace(/^[+-]/, "").replace(/^0[xob]/i, "");
      if (body.length > INT_MAX_STR_DIGITS && b === 10) throwPy("ValueError", `Exceeds the limit (${intLimit()}) for integer string conversion: value has ${body.length} digits; use sys.set_int_max_str_digits() to increase the limit`);
      const v = b === 10 ? BigInt(body) : BigInt((b === 16 ? "0x" : b === 2 ? "0b" : "0o") + body);
      return int(neg ? -v : v);
    }
    const n = num(o);
    if (n === null) return throwPy("TypeError", `int() argument must be a string, a bytes-like object or a real number, not '${typeName(o)}'`);
    if (typeof n === "number") { if (!Number.isFinite(n)) throwPy(Number.isNaN(n) ? "ValueError" : "OverflowError", Number.isNaN(n) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer"); return int(BigInt(Math.trunc(n))); }
    return o instanceof PyInt ? inc(o) : int(n);
  });
  ctor("float", (a) => {
    if (!a.length) return H.float(0);
    const o = a[0];
    if (o instanceof PyStr) {
      const t = o.v.trim().toLowerCase().replace(/_/g, "");
      if (/^[+-]?(inf|infinity)$/.test(t)) return H.float(t.startsWith("-") ? -Infinity : Infinity);
      if (/^[+-]?nan$/.test(t)) return H.float(NaN);
      if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) throwPy("ValueError", `could not convert string to float: ${strRepr(o.v)}`);
      return H.float(parseFloat(t));
    }
    if (o instanceof PyFloat) return inc(o);
    const n = num(o);
    if (n === null) return throwPy("TypeError", `float() argument must be a string or a real number, not '${typeName(o)}'`);
    if (typeof n === "bigint" && !exact(n)) uns("float() of a huge int");
    return H.float(Number(n));
  });
  ctor("str", (a) => (a.length ? (a[0] instanceof PyStr ? inc(a[0]) : a[0] instanceof PyInt || a[0] instanceof PyFloat ? H.freshStr(toStr(a[0])) : str(toStr(a[0]))) : str("")));
  ctor("bool", (a) => H.bool(a.length ? truthy(a[0]) : false));
  /** list(iterable) as list___init__ sizes it (measured on the real interpreters). */
  const listFrom = (src: PyObj, unordered = false): PyList => {
    if (src instanceof PyList || src instanceof PyTuple || src instanceof PyRange || src instanceof PyStr || src instanceof PySet || (src instanceof PyDict && P.version <= "3.12")) {
      // an object with a length: list_preallocate_exact, rounded up to even
      const items = src instanceof PyList || src instanceof PyTuple ? src.items.map(inc) : collectIter(src, unordered);
      return H.list(items, (items.length + 1) & ~1);
    }
    const items = collectIter(src, unordered);
    if (src instanceof PyDict) {
      // 3.13+: the dict's items extend through list_resize
      const l = H.list([], 0);
      I.listResize(l, items.length);
      l.items = items;
      return l;
    }
    // no length: list_extend guesses 8, appends, then cuts back
    const l = H.list([], 8);
    if (src instanceof PyIterator && !["generator", "enumerate", "zip"].includes(src.label)) l.sizeKnown = false;
    for (const x of items) I.listAppend(l, x);
    if (l.items.length < l.allocated) I.listResize(l, l.items.length);
    return l;
  };
  ctor("list", (a) => (a.length ? listFrom(a[0]) : H.list([])));
  ctor("tuple", (a) => {
    if (!a.length) return H.emptyTuple;
    if (a[0] instanceof PyTuple) return inc(a[0]);
    return tuple(collectIter(a[0]));
  });
  ctor("dict", (a, kw) => {
    const d = H.add(new PyDict());
    if (a[0] instanceof PyDict) for (const e of a[0].map.values()) I.dictSet(d, e.key, inc(e.value));
    else if (a[0]) {
      let index = 0;
      for (const pair of collectIter(a[0])) {
        const kv = pair instanceof PyTuple || pair instanceof PyList ? pair.items : null;
        if (!kv) { I.decref(pair); uns("dict() from elements that are not tuples or lists"); }
        if (kv.length !== 2) { I.decref(pair); throwPy("ValueError", `dictionary update sequence element #${index} has length ${kv.length}; 2 is required`); }
        index++;
        I.dictSet(d, kv[0], inc(kv[1]));
        I.decref(pair);
      }
    }
    for (const [k, v] of kw) I.dictSet(d, H.intern(k), inc(v));
    return d;
  });
  ctor("set", (a) => {
    const s = H.add(new PySet());
    if (!a.length) return s;
    if (a[0] instanceof PySet) { s.addsOnly = false; I.setPresize(s, a[0].map.size); for (const x of a[0].map.values()) I.setAdd(s, x); return s; }
    if (a[0] instanceof PyDict) s.addsOnly = false;
    for (const x of collectIter(a[0], true)) { I.setAdd(s, x); I.decref(x); }
    return s;
  });
  ctor("type", (a) => { if (a.length !== 1) uns("type() with 3 arguments"); return inc(typeOf(a[0])); });
  for (const [name] of EXC_TREE) I.builtins.set(name, I.getType(name));
  I.getType("BaseException").dict.set("__init__", fn("__init__", () => None));

  // ---------- modules ----------
  // modules are built on first import: most programs import one or two of them
  const mod = (name: string, attrs: () => Record<string, PyObj>) => {
    I.moduleFactories.set(name, () => {
      const m = new PyModule(name);
      m.uncounted = true;
      m.rc = 1;
      for (const [k, v] of Object.entries(attrs())) m.attrs.set(k, v);
      I.modules.set(name, m);
      return m;
    });
  };
  const sizeOfInt = (v: bigint): number => {
    const a = v < 0n ? -v : v;
    const digits = a === 0n ? 0 : Math.ceil(a.toString(2).length / 30);
    if (P.version === "3.10") return P.size.intBase + 4 * digits;
    return P.size.intBase + 4 * Math.max(1, digits);
  };
  const getsizeof = (o: PyObj): number => {
    const S = P.size;
    if (o instanceof PyBool) return sizeOfInt(o.v ? 1n : 0n);
    if (o instanceof PyInt) return sizeOfInt(o.v);
    if (o instanceof PyFloat) return S.float;
    if (o instanceof PyNone) return S.none;
    if (o instanceof PyStr) {
      const cps = [...o.v].map((c) => c.codePointAt(0) ?? 0);
      if (cps.every((c) => c < 128)) return S.strAscii + cps.length;
      // from 3.12 a one-character Latin-1 str is the runtime's static singleton, which carries
      // its UTF-8 form too (2 bytes + terminator), and __sizeof__ counts that memory
      if (cps.length === 1 && cps[0] >= 128 && cps[0] < 256 && P.version >= "3.12") return S.strLatin1 + 1 + 3;
      if (cps.every((c) => c < 256)) return S.strLatin1 + cps.length;
      // a compact non-ASCII str: the PyCompactUnicodeObject header, then (n + 1) code units of
      // 2 (UCS2) or 4 (UCS4) bytes; strLatin1 is that header plus the 1-byte terminator
      const kind = cps.every((c) => c < 0x10000) ? 2 : 4;
      return S.strLatin1 - 1 + (cps.length + 1) * kind;
    }
    if (o instanceof PyList) return o.sizeKnown ? S.list + P.pointer * o.allocated : uns("getsizeof of a list built from this iterator");
    if (o instanceof PyTuple) return S.tuple + P.pointer * o.items.length;
    if (o instanceof PyDict) {
      if (o.moduleDict) return uns("getsizeof of globals()");
      if (o.hadDeletion) return uns("getsizeof of a dict after deletions");
      if (o.instanceDict) return uns("getsizeof of an instance __dict__ (a split table)");
      if (o.log2 < 0) return S.dictEmpty;
      const t = o.unicodeOnly ? S.dict.unicode : S.dict.general;
      const v = t[o.log2 - 3];
      return v ?? uns("getsizeof of a large dict");
    }
    if (o instanceof PySet) {
      if (o.hadDeletion) return uns("getsizeof of a set after deletions");
      return S.set + (o.mask + 1 > 8 ? (o.mask + 1) * S.setEntry : 0);
    }
    if (o instanceof PyInstance && !o.cls.slots && !o.cls.builtin) return P.instanceSize;
    if (o instanceof PyInstance && o.cls.slots && !o.cls.builtin) {
      // header + one pointer per slot + the GC head; a __dict__/__weakref__ is a body pointer on
      // 3.10, a managed dict (2-pointer pre-header) with an in-body weakref on 3.11, and one
      // shared pre-header for either from 3.12
      const nslots = o.cls.mro.reduce((n, t) => n + (t.builtin ? 0 : (t.slots?.length ?? 0)), 0);
      const { hasDictSlot: dict, hasWeakrefSlot: weak } = o.cls;
      const extra = P.version === "3.10" ? (dict ? 8 : 0) + (weak ? 8 : 0) : P.version === "3.11" ? (dict ? 16 : 0) + (weak ? 8 : 0) : dict || weak ? 16 : 0;
      return 16 + 8 * nslots + extra + 16;
    }
    return uns(`sys.getsizeof of ${typeName(o)}`);
  };
  // 3.10/3.11: bounds on the count of an object shared from start-up (see boundedRefcountCompare).
  // Start-up's part is recorded as a range; the program's part is at most what its live objects
  // and frames hold, plus its code's constants (each literal, counted twice: the 3.10/3.11 parser
  // arena keeps one too; None once more per code object). A margin covers run-to-run drift.
  I.refcountBounds = (o) => {
    if ((P.version !== "3.10" && P.version !== "3.11") || !o.uncounted || I.opts.source === undefined) return null;
    const key = o === None ? "None" : o === H.True ? "True" : o === H.False ? "False" : o instanceof PyInt && !(o instanceof PyBool) && o.v >= -5n && o.v <= 256n ? String(o.v) : null;
    if (key === null) return null;
    // start-up's part depends on which of the modules the program imported so far (their code
    // holds references too); threads create interpreter objects we do not model: no bound then
    if (I.modules.has("threading")) return null;
    const imported = ["gc", "weakref", "copy", "threading"].filter((m) => I.modules.has(m)).join(",");
    const [rmin, rmax] = STARTUP_REFCOUNTS[P.version][I.opts.mode][imported][key];
    let held = I.displayUnderscore === o ? 1 : 0;
    for (const x of H.live) for (const r of H.referents(x)) if (r === o) held++;
    for (const fr of I.frames) {
      for (const v of fr.fast.values()) if (v === o) held++;
      for (const v of fr.classNs?.values() ?? []) if (v === o) held++;
    }
    const src = I.opts.source;
    const occurrences = (re: RegExp) => src.match(re)?.length ?? 0;
    const literals = key === "None" ? occurrences(/\bNone\b/g) + occurrences(/\b(def|lambda|class|for|return)\b/g) + 1
      : key === "True" || key === "False" ? occurrences(new RegExp(`\\b${key}\\b`, "g"))
      : occurrences(/(?<![\w.])\d[\d_]*(?![\w.])/g);
    // ranges, slices and iterators hold start/stop/step objects we keep as numbers
    for (const x of H.live) if (x instanceof PyRange || x instanceof PySlice || x instanceof PyIterator) held += 3;
    // weakref.py's objects (KeyedRef, the dictionary's removal closure) hold a few more
    for (const x of H.live) if (x instanceof PyWeakref || x instanceof PyWeakValueDict) held += 5;
    // the drift seen between runs grows with the count (3.11's deep-frozen counts start at 999999999)
    const margin = 3 + Math.ceil(0.005 * (rmin >= 999999999 ? rmin - 999999999 : rmin));
    return [rmin - margin, rmax + held + 2 * literals + margin];
  };
  const refcountOf = (o: PyObj, borrowed: boolean): PyObj => {
    if (o.uncounted) {
      if (o.immortal && P.immortalRefcount !== null) return int(P.immortalRefcount);
      return uns("sys.getrefcount of an object whose count depends on interpreter start-up (small int, None, interned string, built-in)");
    }
    if (o instanceof PyType) {
      // subclasses hold references through __bases__/__mro__/tp_base: only plain classes are modelled
      if (o.bases.some((b) => !b.builtin) || [...H.live].some((x) => x instanceof PyType && x !== o && x.mro.includes(o))) return uns("sys.getrefcount of a class with subclasses or bases");
    }
    if (o instanceof PyFunction && o.def.type === "FunctionDef" && !(H.live.has(o))) return uns("sys.getrefcount of a method");
    return int(o.rc - (borrowed ? 1 : 0));
  };
  const sys = mod("sys", () => ({
    getrefcount: fn("getrefcount", (a) => { nargs("getrefcount", a, 1, 1); return refcountOf(a[0], I.borrowedArgs[0] === true); }),
    getsizeof: fn("getsizeof", (a) => { if (a.length !== 1) uns("getsizeof with a default"); return int(getsizeof(a[0])); }),
    intern: fn("intern", (a) => {
      const s = a[0];
      if (!(s instanceof PyStr)) throwPy("TypeError", `intern() argument must be str, not ${typeName(s)}`);
      const existing = H.interned.get(s.v);
      if (existing) return existing;
      return H.intern(s.v, s);
    }),
  }));
  void sys;
  let threshold: [number, number, number] = [...P.threshold];
  I.resetHooks.push(() => { threshold = [...P.threshold]; }); // a pooled interpreter starts each run afresh (pool.ts)
  mod("gc", () => ({
    collect: fn("collect", (a) => {
      const g = a[0] ? Number(asInt(a[0], "")) : 2;
      if (g < 0 || g > 2) throwPy("ValueError", "invalid generation");
      // 3.14's collect(1) is one step of the incremental collector: depending on its work budget
      // and phase it does nothing, only marks, or collects a slice (3.14.2 returned 0 with young
      // garbage present). Exact only when there is no garbage at all: 0, survivors leave young.
      if (P.version === "3.14" && g === 1 && unreachableIn(H, 2).length > 0) uns("gc.collect(1) with garbage present on 3.14's incremental collector");
      countCollectStart(H, g);
      const ran = H.pythonRunByCollector;
      const n = I.collectGarbage(g);
      countCollectEnd(H, g, H.pythonRunByCollector !== ran);
      if (I.autoGcUncertain && n > 0) uns("gc.collect() after an automatic collection may have run");
      I.autoGcUncertain = false;
      I.gcKnownCount = true;
      return int(n);
    }),
    enable: fn("enable", () => { H.gcEnabled = true; return None; }),
    disable: fn("disable", () => { H.gcEnabled = false; return None; }),
    isenabled: fn("isenabled", () => H.bool(H.gcEnabled)),
    get_threshold: fn("get_threshold", () => cTuple(threshold.map((x) => int(x)))),
    set_threshold: fn("set_threshold", (a) => {
      const v = a.map((x) => Number(asInt(x, "")));
      // 3.14's incremental collector has no third generation: get_threshold() always shows 0 there
      threshold = [v[0], v[1] ?? threshold[1], P.version === "3.14" ? 0 : v[2] ?? threshold[2]];
      (P as { threshold: [number, number, number] }).threshold = P.threshold; // profile stays; guard uses current
      I.gcThreshold0 = threshold[0];
      if (threshold[0] > 0 && H.gen0Count > threshold[0]) I.autoGcUncertain = true;
      return None;
    }),
    get_count: fn("get_count", () => {
      if (!H.countKnown || I.autoGcUncertain) return uns("gc.get_count() (it counts the interpreter's own allocations)");
      return cTuple([int(H.count0), int(H.count1), int(H.count2)]);
    }),
    is_tracked: fn("is_tracked", (a) => {
      if (I.autoGcUncertain && (a[0] instanceof PyTuple || a[0] instanceof PyDict)) uns("gc.is_tracked after an automatic collection may have run");
      return H.bool(a[0].tracked);
    }),
    get_referents: fn("get_referents", (a) => {
      const out: PyObj[] = [];
      for (const o of a) {
        if (o instanceof PyDict) {
          if (o.moduleDict) uns("gc.get_referents of globals()");
          // dict_traverse: a str-keyed table visits only values; otherwise value then key
          for (const e of o.map.values()) { out.push(inc(e.value)); if (!o.unicodeOnly) out.push(inc(e.key)); }
          continue;
        }
        if (!(o instanceof PyList || o instanceof PyTuple)) uns("gc.get_referents of " + typeName(o));
        out.push(...o.items.slice().reverse().map(inc));
      }
      return H.list(out);
    }),
    // gc_get_referrers: every tracked object, generation by generation (youngest first), whose
    // tp_traverse visits one of the arguments. Executing frames are not among them (3.10 tracks
    // a frame only once it outlives its call; later versions' frames are not objects). Objects
    // the runtime shares from start-up have referrers we do not model: refused. __main__'s dict
    // predates the program: it comes last.
    get_referrers: fn("get_referrers", (a) => {
      for (const t of a) {
        const plain = t instanceof PyList || t instanceof PyDict || t instanceof PySet || (t instanceof PyInstance && !t.cls.builtin);
        if (!plain || t.uncounted || t === I.displayUnderscore) uns(`gc.get_referrers of ${typeName(t)}`);
      }
      const hits: PyObj[] = [];
      const visits = (o: PyObj) => o.tracked && H.referents(o).some((r) => a.includes(r));
      for (const gen of [0, 1, 2]) for (const o of H.live) if (o.gen === gen && o !== I.globals && visits(o)) hits.push(o);
      if (H.referents(I.globals).some((r) => a.includes(r))) hits.push(I.globals);
      return H.list(hits.map(inc));
    }),
    get_objects: fn("get_objects", () => uns("gc.get_objects")),
    garbage: H.list([]),
  }));
  mod("weakref", () => ({
    ref: fn("ref", (a) => { if (a.length < 1 || a.length > 2) throwPy("TypeError", `__new__ expected at most 2 arguments, got ${a.length}`); return newWeakref(a[0], a[1] && !(a[1] instanceof PyNone) ? a[1] : null); }),
    getweakrefcount: fn("getweakrefcount", (a) => int(a[0].weakrefs?.length ?? 0)),
    WeakValueDictionary: fn("WeakValueDictionary", (a) => { if (a.length) uns("WeakValueDictionary(initial)"); return H.add(new PyWeakValueDict()); }),
    proxy: fn("proxy", () => uns("weakref.proxy")),
    WeakKeyDictionary: fn("WeakKeyDictionary", () => uns("weakref.WeakKeyDictionary")),
    WeakSet: fn("WeakSet", () => uns("weakref.WeakSet")),
    finalize: fn("finalize", () => uns("weakref.finalize")),
  }));
  const shallow = (o: PyObj): PyObj => {
    if (o instanceof PyList) return H.list(o.items.map(inc));
    if (o instanceof PyDict) { if (o.moduleDict) uns("copying globals()"); return copyDict(o); }
    if (o instanceof PySet) { const s = H.add(new PySet()); s.addsOnly = false; I.setPresize(s, o.map.size); for (const x of o.map.values()) I.setAdd(s, x); return s; }
    if (o instanceof PyInstance && !o.cls.builtin) {
      if (o.cls.lookup("__copy__") || o.cls.lookup("__reduce__") || o.cls.lookup("__reduce_ex__")) uns("custom copy protocol");
      const n = H.add(new PyInstance(inc(o.cls)));
      const entries = I.instAttrEntries(o);
      if (entries.length) { n.attrs = new Map(); for (const [k, v] of entries) n.attrs.set(k, inc(v)); }
      if (o.slotValues) { n.slotValues = new Map(); for (const [k, v] of o.slotValues) n.slotValues.set(k, inc(v)); }
      return n;
    }
    if (o instanceof PyInt || o instanceof PyFloat || o instanceof PyStr || o instanceof PyBool || o instanceof PyNone || o instanceof PyTuple || o instanceof PyFunction || o instanceof PyType || o instanceof PyRange) return inc(o);
    return uns("copy.copy of " + typeName(o));
  };
  const deep = (o: PyObj, memo: Map<PyObj, PyObj>): PyObj => {
    const seen = memo.get(o);
    if (seen) return inc(seen);
    if (o instanceof PyInt || o instanceof PyFloat || o instanceof PyStr || o instanceof PyBool || o instanceof PyNone || o instanceof PyFunction || o instanceof PyType || o instanceof PyRange) return inc(o);
    if (o instanceof PyList) {
      const l = H.list([]);
      memo.set(o, l);
      for (const x of o.items) I.listAppend(l, deep(x, memo));
      return l;
    }
    if (o instanceof PyTuple) {
      const items = o.items.map((x) => deep(x, memo));
      if (items.every((x, i) => x === o.items[i])) { items.forEach((x) => I.decref(x)); return inc(o); }
      const t = tuple(items);
      memo.set(o, t);
      return t;
    }
    if (o instanceof PyDict) {
      const d = H.add(new PyDict());
      memo.set(o, d);
      for (const e of o.map.values()) { const k = deep(e.key, memo); I.dictSet(d, k, deep(e.value, memo)); I.decref(k); }
      return d;
    }
    if (o instanceof PySet) {
      const s = H.add(new PySet());
      s.addsOnly = false;
      memo.set(o, s);
      for (const x of o.map.values()) { const y = deep(x, memo); I.setAdd(s, y); I.decref(y); }
      return s;
    }
    if (o instanceof PyInstance && !o.cls.builtin) {
      if (o.cls.lookup("__deepcopy__") || o.cls.lookup("__reduce__") || o.cls.lookup("__reduce_ex__")) uns("custom deepcopy protocol");
      const n = H.add(new PyInstance(inc(o.cls)));
      memo.set(o, n);
      const entries = I.instAttrEntries(o);
      if (entries.length) { n.attrs = new Map(); for (const [k, v] of entries) n.attrs.set(k, deep(v, memo)); }
      if (o.slotValues) { n.slotValues = new Map(); for (const [k, v] of o.slotValues) n.slotValues.set(k, deep(v, memo)); }
      return n;
    }
    return uns("copy.deepcopy of " + typeName(o));
  };
  mod("copy", () => ({
    // copy.py is Python code: its frames, memo dict and dispatch lookups are not replayed
    copy: fn("copy", (a) => { countUnknown(H); return shallow(a[0]); }),
    deepcopy: fn("deepcopy", (a) => { if (a.length > 1) uns("deepcopy memo"); countUnknown(H); return deep(a[0], new Map()); }),
  }));

  // threads run on a deterministic schedule: start() runs the target to completion
  let threadCount = 0;
  let currentThread: PyInstance | null = null;
  let mainThread: PyInstance | null = null;
  I.resetHooks.push(() => { threadCount = 0; currentThread = null; mainThread = null; reprStack.clear(); });
  const threadData = new WeakMap<PyInstance, { target: PyObj | null; args: PyObj[]; kwargs: KW; started: boolean; name: string }>();
  const threadMethod = (t: PyInstance, name: string): BuiltinFn | null => {
    const d = threadData.get(t);
    if (!d) return null;
    switch (name) {
      case "start": return () => {
        if (d.started) throwPy("RuntimeError", "threads can only be started once");
        d.started = true;
        if (d.target) {
          const outer = currentThread;
          currentThread = t;
          try { const r = I.callObject(d.target, d.args, d.kwargs, false); I.decref(r); } catch (e) { if (e instanceof PyException) uns("exception in a thread"); throw e; } finally { currentThread = outer; }
          I.decref(d.target);
          d.args.forEach((x) => I.decref(x));
          d.kwargs.forEach((x) => I.decref(x));
          d.target = null;
          d.args = [];
          d.kwargs = new Map();
        }
        return None;
      };
      case "join": return () => { if (!d.started) throwPy("RuntimeError", "cannot join thread before it is started"); return None; };
      case "is_alive": return () => H.False;
      case "run": return () => uns("Thread.run");
      default: return null;
    }
  };
  const lockState = new WeakMap<PyInstance, { locked: boolean }>();
  const lockMethod = (l: PyInstance, name: string): BuiltinFn | null => {
    const st = lockState.get(l);
    if (!st) return null;
    switch (name) {
      case "acquire": case "__enter__": return (a, kw) => {
        const blocking = a[1] ?? kw.get("blocking");
        const timeout = a[2] ?? kw.get("timeout");
        if (st.locked) {
          if (blocking && !truthy(blocking)) return H.False;
          if (timeout && !(timeout instanceof PyNone)) uns("Lock.acquire(timeout=...) on a held lock");
          uns("acquiring a held lock (deadlock)");
        }
        st.locked = true;
        return H.True;
      };
      case "release": return () => { if (!st.locked) throwPy("RuntimeError", "release unlocked lock"); st.locked = false; return None; };
      case "__exit__": return () => { st.locked = false; return H.False; };
      case "locked": return () => H.bool(st.locked);
      default: return null;
    }
  };
  mod("threading", () => ({
    Thread: fn("Thread", (a, kw) => {
      if (a.length) uns("Thread positional arguments");
      const t = H.add(new PyInstance(threadT));
      const target = kw.get("target");
      const args = kw.get("args");
      const kwargs = kw.get("kwargs");
      for (const k of kw.keys()) if (!["target", "args", "kwargs", "name", "daemon"].includes(k)) uns(`Thread(${k}=...)`);
      threadCount++;
      const nameArg = kw.get("name");
      if (nameArg && !(nameArg instanceof PyStr) && !(nameArg instanceof PyNone)) uns("Thread(name=<not a str>)");
      const targetName = target instanceof PyFunction ? ` (${target.name})` : "";
      threadData.set(t, {
        target: target && !(target instanceof PyNone) ? inc(target) : null,
        args: args instanceof PyTuple || args instanceof PyList ? args.items.map(inc) : [],
        kwargs: kwargs instanceof PyDict ? new Map([...kwargs.map.values()].map((e) => [(e.key as PyStr).v, inc(e.value)])) : new Map(),
        started: false,
        name: nameArg instanceof PyStr ? nameArg.v : `Thread-${threadCount}${P.version === "3.10" && false ? "" : targetName}`,
      });
      return t;
    }),
    Lock: fn("Lock", () => { const l = H.add(new PyInstance(lockT)); lockState.set(l, { locked: false }); return l; }),
    RLock: fn("RLock", () => uns("threading.RLock")),
    current_thread: fn("current_thread", () => {
      if (currentThread) return inc(currentThread);
      if (!mainThread) {
        mainThread = H.add(new PyInstance(threadT));
        mainThread.uncounted = true; // threading's own tables hold it too
        threadData.set(mainThread, { target: null, args: [], kwargs: new Map(), started: true, name: "MainThread" });
      }
      return inc(mainThread);
    }),
    active_count: fn("active_count", () => int(1)),
  }));
  void PyCell; void PyCode; void PySlice;
}

/** round(x, nd) on the exact binary value of x, half to even, as CPython's double rounding does. */
export function roundExact(x: number, nd: number): number {
  if (x === 0) return x;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const e = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = e === 0 ? frac : frac | (1n << 52n);
  const exp = (e === 0 ? 1 : e) - 1075;
  let num = mant * 10n ** BigInt(nd);
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp); else den <<= BigInt(-exp);
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(nd + 1, "0");
  const text = (neg ? "-" : "") + digits.slice(0, digits.length - nd) + "." + digits.slice(digits.length - nd);
  return parseFloat(text);
}
