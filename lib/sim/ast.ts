// The AST of the Python subset, as discriminated unions named after CPython's `ast` module.
// Every node carries lineno/col_offset (1-based line, 0-based column, as CPython reports them).

export interface Pos { lineno: number; col_offset: number }

/** A compile-time constant value. Tuples appear only after constant folding. */
export type ConstValue =
  | { kind: "int"; v: bigint }
  | { kind: "float"; v: number }
  | { kind: "str"; v: string }
  | { kind: "bool"; v: boolean }
  | { kind: "None" }
  | { kind: "Ellipsis" }
  | { kind: "tuple"; items: ConstValue[] };

export type Operator = "Add" | "Sub" | "Mult" | "Div" | "FloorDiv" | "Mod" | "Pow" | "LShift" | "RShift" | "BitOr" | "BitXor" | "BitAnd" | "MatMult";
export type UnaryOperator = "UAdd" | "USub" | "Not" | "Invert";
export type CmpOp = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";
export type ExprContext = "Load" | "Store" | "Del";

export interface Keyword extends Pos { arg: string | null; value: Expr }
export interface Comprehension { target: Expr; iter: Expr; ifs: Expr[] }
export interface Arguments { args: string[]; defaults: Expr[]; vararg: string | null; kwonly: string[]; kwDefaults: (Expr | null)[]; kwarg: string | null }

export type Expr = Pos & (
  | { type: "Constant"; value: ConstValue }
  | { type: "Name"; id: string; ctx: ExprContext }
  | { type: "BinOp"; left: Expr; op: Operator; right: Expr }
  | { type: "UnaryOp"; op: UnaryOperator; operand: Expr }
  | { type: "BoolOp"; op: "And" | "Or"; values: Expr[] }
  | { type: "Compare"; left: Expr; ops: CmpOp[]; comparators: Expr[] }
  | { type: "Call"; func: Expr; args: Expr[]; keywords: Keyword[] }
  | { type: "Attribute"; value: Expr; attr: string; ctx: ExprContext }
  | { type: "Subscript"; value: Expr; slice: Expr; ctx: ExprContext }
  | { type: "Slice"; lower: Expr | null; upper: Expr | null; step: Expr | null }
  | { type: "List"; elts: Expr[]; ctx: ExprContext }
  | { type: "Tuple"; elts: Expr[]; ctx: ExprContext }
  | { type: "Set"; elts: Expr[] }
  | { type: "Dict"; keys: (Expr | null)[]; values: Expr[] }
  | { type: "ListComp"; elt: Expr; generators: Comprehension[] }
  | { type: "SetComp"; elt: Expr; generators: Comprehension[] }
  | { type: "DictComp"; key: Expr; value: Expr; generators: Comprehension[] }
  | { type: "GeneratorExp"; elt: Expr; generators: Comprehension[] }
  | { type: "Lambda"; args: Arguments; body: Expr }
  | { type: "IfExp"; test: Expr; body: Expr; orelse: Expr }
  | { type: "JoinedStr"; values: Expr[] }
  | { type: "FormattedValue"; value: Expr; conversion: -1 | 114 | 115 | 97; format_spec: Expr | null }
  | { type: "Starred"; value: Expr; ctx: ExprContext }
);

export interface ExceptHandler extends Pos { exType: Expr | null; name: string | null; body: Stmt[] }
export interface Alias { name: string; asname: string | null }
export interface WithItem { context_expr: Expr; optional_vars: Expr | null }

export type Stmt = Pos & (
  | { type: "Expr"; value: Expr }
  | { type: "Assign"; targets: Expr[]; value: Expr }
  | { type: "AugAssign"; target: Expr; op: Operator; value: Expr }
  | { type: "AnnAssign"; target: Expr; annotation: Expr; value: Expr | null }
  | { type: "If"; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { type: "While"; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { type: "For"; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
  | { type: "Break" }
  | { type: "Continue" }
  | { type: "Pass" }
  | { type: "FunctionDef"; name: string; args: Arguments; body: Stmt[]; decorators: Expr[] }
  | { type: "ClassDef"; name: string; bases: Expr[]; body: Stmt[]; decorators: Expr[] }
  | { type: "Return"; value: Expr | null }
  | { type: "Delete"; targets: Expr[] }
  | { type: "Try"; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[] }
  | { type: "Raise"; exc: Expr | null; cause: Expr | null }
  | { type: "Import"; names: Alias[] }
  | { type: "ImportFrom"; module: string; names: Alias[] }
  | { type: "Global"; names: string[] }
  | { type: "Nonlocal"; names: string[] }
  | { type: "With"; items: WithItem[]; body: Stmt[] }
  | { type: "Assert"; test: Expr; msg: Expr | null }
);

export interface Module { type: "Module"; body: Stmt[] }

export type ExprOf<T extends Expr["type"]> = Extract<Expr, { type: T }>;
export type StmtOf<T extends Stmt["type"]> = Extract<Stmt, { type: T }>;
