// The PyObject model. Every simulated object has an identity, a refcount that counts exactly the
// strong references the simulated CPython would hold, and the collector's bookkeeping (tracked,
// generation). Immortal objects (3.12+) and objects whose real count depends on interpreter
// start-up ("uncounted": small ints before 3.12, interned strings...) skip counting altogether.

import type { ExprOf, StmtOf } from "./ast";
export type FunctionDef = StmtOf<"FunctionDef">;
export type Lambda = ExprOf<"Lambda">;

export type Kind =
  | "int" | "bool" | "float" | "str" | "NoneType" | "ellipsis" | "list" | "tuple" | "dict" | "set"
  | "function" | "code" | "cell" | "type" | "instance" | "builtin" | "method" | "module" | "weakref"
  | "range" | "iterator" | "wvdict" | "slice" | "property";

let nextId = 1;
export function resetIds(): void { nextId = 1; }
/** The next id to hand out (a pooled interpreter restarts from its start-up value, see pool.ts). */
export function peekNextId(): number { return nextId; }
export function setNextId(n: number): void { nextId = n; }

export class PyObj {
  // Assigned in the constructor rather than as class fields: one hidden class, cheap to build.
  declare readonly id: number;
  declare rc: number;
  declare tracked: boolean;
  declare gen: number;
  /** Refcount not modelled: immortal (3.12+) or start-up dependent. */
  declare uncounted: boolean;
  declare immortal: boolean;
  declare interned: boolean;
  declare freed: boolean;
  /** Its strong references were already released (by the collector's tp_clear or by dealloc). */
  declare cleared: boolean;
  /** Weak references pointing here, oldest first. */
  declare weakrefs: PyWeakref[] | null;
  declare readonly kind: Kind;
  constructor(kind: Kind) {
    this.kind = kind;
    this.id = nextId++;
    this.rc = 0;
    this.tracked = false;
    this.gen = 0;
    this.uncounted = false;
    this.immortal = false;
    this.interned = false;
    this.freed = false;
    this.cleared = false;
    this.weakrefs = null;
  }
}

export class PyInt extends PyObj { constructor(readonly v: bigint) { super("int"); } }
export class PyBool extends PyObj { constructor(readonly v: boolean) { super("bool"); } }
export class PyFloat extends PyObj { constructor(readonly v: number) { super("float"); } }
export class PyStr extends PyObj { constructor(readonly v: string) { super("str"); } }
export class PyNone extends PyObj { constructor() { super("NoneType"); } }
export class PyEllipsis extends PyObj { constructor() { super("ellipsis"); } }
export class PyList extends PyObj {
  allocated: number;
  /** False when the over-allocation of how it was built is not modelled: getsizeof refuses. */
  sizeKnown = true;
  constructor(public items: PyObj[], allocated?: number) { super("list"); this.allocated = allocated ?? items.length; }
}
export class PyTuple extends PyObj { constructor(readonly items: PyObj[]) { super("tuple"); } }
export class PySlice extends PyObj { constructor(readonly lower: PyObj, readonly upper: PyObj, readonly step: PyObj) { super("slice"); } }

export interface DictEntry { key: PyObj; value: PyObj }
export class PyDict extends PyObj {
  map = new Map<string, DictEntry>();
  /** log2 of the keys table size; -1 while it is the shared empty table. */
  log2 = -1;
  usedSlots = 0;
  unicodeOnly = true;
  /** Once an item is deleted the real size depends on dummy slots: getsizeof refuses. */
  hadDeletion = false;
  /** An instance's __dict__ (split-table sizes are not modelled). */
  instanceDict = false;
  /** 3.13+: the __dict__ views the instance's inline values; it is not tracked itself. */
  inlineValues = false;
  /** A module's namespace (globals()): it also holds what start-up puts there (__builtins__,
   * __file__, __loader__, ...), which we do not model, so whatever shows all of it is refused. */
  moduleDict = false;
  constructor() { super("dict"); }
}
export class PySet extends PyObj {
  map = new Map<string, PyObj>();
  mask = 7;
  fill = 0;
  hadDeletion = false;
  /** The table's mask when the first element went in (its later layout follows from the adds). */
  firstMask = -1;
  /** Items that came from a frozenset constant (a display of 3+ constants: BUILD_SET, SET_UPDATE). */
  fromConstant = 0;
  /** Filled only by adding elements one at a time (not merged from another set's or dict's table). */
  addsOnly = true;
  constructor() { super("set"); }
}
export class PyCell extends PyObj { constructor(public ref: PyObj | null) { super("cell"); } }
export class PyCode extends PyObj {
  consts: PyObj[] = [];
  constructor(readonly name: string) { super("code"); }
}
export class PyFunction extends PyObj {
  defaults: PyObj[] = [];
  kwDefaults = new Map<string, PyObj>();
  closure: PyCell[] = [];
  dict: PyDict | null = null;
  /** 3.14: a collection untracked its run-time defaults tuple (it holds only untracked items). */
  defaultsUntracked = false;
  constructor(readonly name: string, public qualname: string, readonly def: FunctionDef | Lambda, readonly code: PyCode, readonly globals: PyDict, readonly scope: ScopeInfo) { super("function"); }
}
export interface ScopeInfo {
  locals: Set<string>;
  cells: Set<string>;
  frees: Set<string>;
  globals: Set<string>;
}
export class PyType extends PyObj {
  dict = new Map<string, PyObj>();
  mro: PyType[] = [];
  slots: string[] | null = null;
  /** Built-in classes (exceptions, object) are not user-defined: refcounts refused. */
  builtin = false;
  hasWeakrefSlot = true;
  /** References the class holds to itself (__mro__ tuple, __dict__/__weakref__ descriptors). */
  internalRefs = 0;
  hasDictSlot = true;
  /** The class's own __slots__ included "__dict__" / "__weakref__" (each adds a getset descriptor). */
  ownDictSlot = false;
  ownWeakrefSlot = false;
  /** Its __bases__ tuple holds only built-in (static) types and survived a collection: untracked. */
  basesUntracked = false;
  constructor(readonly name: string, public bases: PyType[]) { super("type"); }
  lookup(name: string): PyObj | undefined {
    for (const t of this.mro) {
      const v = t.dict.get(name);
      if (v) return v;
    }
    return undefined;
  }
  isSubtypeOf(t: PyType): boolean { return this.mro.includes(t); }
}
export class PyInstance extends PyObj {
  /** Attribute dict (insertion-ordered); null while never written (and always with __slots__). */
  attrs: Map<string, PyObj> | null = null;
  slotValues: Map<string, PyObj> | null = null;
  /** The attribute dict as a real dict object, once `__dict__` was asked for (then attrs is null). */
  dictObj: PyDict | null = null;
  dictMaterialized = false;
  finalized = false;
  /** Exception payload. */
  args: PyTuple | null = null;
  /** Traceback-only hint ("Did you mean ...") appended when the exception is printed uncaught. */
  suggestion = "";
  constructor(public cls: PyType) { super("instance"); }
}
export type BuiltinFn = (args: PyObj[], kwargs: Map<string, PyObj>) => PyObj;
export class PyBuiltin extends PyObj {
  constructor(readonly name: string, readonly fn: BuiltinFn, readonly self: PyObj | null = null, readonly qual = "") { super("builtin"); }
}
export class PyMethod extends PyObj { constructor(readonly func: PyObj, readonly self: PyObj) { super("method"); } }
export class PyModule extends PyObj {
  attrs = new Map<string, PyObj>();
  constructor(readonly name: string) { super("module"); }
}
export class PyWeakref extends PyObj {
  constructor(public target: PyObj | null, public callback: PyObj | null) { super("weakref"); }
}
export class PyRange extends PyObj { constructor(readonly start: bigint, readonly stop: bigint, readonly step: bigint) { super("range"); } }
export class PyIterator extends PyObj {
  index = 0;
  /** A generator expression's suspended frame: its locals (the loop variable) stay referenced. */
  frameLocals: Map<string, PyObj> | null = null;
  constructor(public source: PyObj, readonly itemsOf: (i: number) => PyObj | null, readonly label: string) { super("iterator"); }
}
export class PyWeakValueDict extends PyObj {
  map = new Map<string, { key: PyObj; ref: PyWeakref }>();
  constructor() { super("wvdict"); }
}
export class PyProperty extends PyObj { constructor(readonly fget: PyObj) { super("property"); } }

export function typeName(o: PyObj): string {
  switch (o.kind) {
    case "instance": return (o as PyInstance).cls.name;
    case "iterator": return (o as PyIterator).label;
    case "builtin": return (o as PyBuiltin).self ? "builtin_function_or_method" : "builtin_function_or_method";
    case "wvdict": return "WeakValueDictionary";
    case "ellipsis": return "ellipsis";
    case "weakref": return "weakref.ReferenceType";
    default: return o.kind;
  }
}
