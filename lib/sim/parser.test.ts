import { describe, expect, it } from "vitest";
import type { Expr, Stmt } from "./ast";
import { parse } from "./parser";

/** The thrown error as `Class: message`, or "OK". */
function outcome(src: string): string {
  try {
    parse(src);
    return "OK";
  } catch (e) {
    return e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
  }
}
const only = (src: string): Stmt => parse(src).body[0];
const value = (src: string): Expr => {
  const s = only(src);
  if (s.type !== "Assign" && s.type !== "Expr") throw new Error(`not an assignment: ${s.type}`);
  return s.value;
};

describe("parser errors: CPython's message, line and column", () => {
  // Each expectation is what the parser gave when it still tokenized the whole file before parsing.
  const table: [string, string][] = [
    // a lexical error later in the file wins over a grammar error before it
    ["x = = 1\ny = 'abc\n", "PySyntaxError: SyntaxError: unterminated string literal (detected at line 2) (2:4)"],
    ["x = = 1\ny = (\n", "PySyntaxError: SyntaxError: '(' was never closed (2:4)"],
    ["if x\n    pass\n", "PySyntaxError: SyntaxError: expected ':' (1:5)"],
    ["def f(a=1, b):\n    pass\n", "PySyntaxError: SyntaxError: non-default argument follows default argument (1:12)"],
    ["f(a=1, b)\n", "PySyntaxError: SyntaxError: positional argument follows keyword argument (1:8)"],
    ["a + 1 = 2\n", "PySyntaxError: SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? (1:1)"],
    ["del f()\n", "PySyntaxError: SyntaxError: cannot delete function call (1:5)"],
    ["[a b]\n", "PySyntaxError: SyntaxError: invalid syntax. Perhaps you forgot a comma? (1:2)"],
    ["(1, 2\n", "PySyntaxError: SyntaxError: '(' was never closed (1:0)"],
    ["x = (1]\n", "PySyntaxError: SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' (1:6)"],
    ["x = 1)\n", "PySyntaxError: SyntaxError: unmatched ')' (1:5)"],
    ["  x = 1\n", "PySyntaxError: SyntaxError: unexpected indent (1:2)"],
    ["if x:\n        a\n    b\n", "PySyntaxError: IndentationError: unindent does not match any outer indentation level (3:4)"],
    ["if x:\npass\n", "PySyntaxError: IndentationError: expected an indented block after 'if' statement on line 1 (2:1)"],
    ["x = 1 if y\n", "PySyntaxError: SyntaxError: expected 'else' after 'if' expression (1:11)"],
    ["x = 007\n", "PySyntaxError: SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (1:5)"],
    ["x = $\n", "PySyntaxError: SyntaxError: invalid character '$' (1:4)"],
    ["x = a ! b\n", "PySyntaxError: SyntaxError: invalid syntax (1:6)"],
    ["x = '''abc\n\n", "PySyntaxError: SyntaxError: unterminated triple-quoted string literal (detected at line 3) (1:4)"],
    ["for x in y:\n    break\nelse:\n    pass\ntry:\n    pass\n", "PySyntaxError: SyntaxError: expected 'except' or 'finally' block (8:1)"],
    ["x = 1 +\n", "PySyntaxError: SyntaxError: invalid syntax (1:8)"],
    ["x = a not b\n", "PySyntaxError: SyntaxError: invalid syntax (1:7)"],
    ["x = a + not b\n", "PySyntaxError: SyntaxError: invalid syntax (1:9)"],
    // keyword arguments: only a bare name before '=' is one
    ["f((a)=1)\n", "PySyntaxError: SyntaxError: invalid syntax (1:6)"],
    ["f(a.b=1)\n", "PySyntaxError: SyntaxError: invalid syntax (1:6)"],
    ["f(None=1)\n", "PySyntaxError: SyntaxError: invalid syntax (1:3)"],
    ["f(x, a if b else c=1)\n", "PySyntaxError: SyntaxError: invalid syntax (1:19)"],
    ["f(a=1, b +)\n", "PySyntaxError: SyntaxError: positional argument follows keyword argument (1:8)"],
    // refusals: what we recognise but do not model
    ["match (x):\n    case 1: pass\n", "Unsupported: unsupported: match statement (line 1)"],
    ["x = 1j\n", "Unsupported: unsupported: complex numbers (line 1)"],
    ["x = 1if y else 2\n", "Unsupported: unsupported: a number followed directly by a name (line 1)"],
    ['print(f"{x!z}")\n', "Unsupported: unsupported: f-string syntax error (line 1)"],
    ['print(f"{x)}")\n', "Unsupported: unsupported: f-string syntax error (line 1)"],
    ['print(f"{a b}")\n', "Unsupported: unsupported: f-string syntax error (line 1)"],
    ["x = b'ab'\n", "Unsupported: unsupported: bytes literal (line 1)"],
    ["lambda: (yield)\n", "Unsupported: unsupported: yield (line 1)"],
    ["(x := 1)\n", "Unsupported: unsupported: assignment expression (:=) (line 1)"],
    ["s = 'a' \"b\" f'{c:>{4}}'\n", "Unsupported: unsupported: nested f-string format spec (line 1)"],
    // `match` is a soft keyword: a call of a function named match, not a match statement
    ["match (x)\n", "OK"],
  ];
  for (const [src, want] of table) it(JSON.stringify(src), () => expect(outcome(src)).toBe(want));
});

describe("parser trees", () => {
  it("nests boolean, comparison and arithmetic operators by CPython's precedence, each node starting at its first operand", () => {
    expect(value("y = not a == b or c and d\n")).toMatchObject({
      type: "BoolOp", op: "Or", lineno: 1, col_offset: 4, values: [
        { type: "UnaryOp", op: "Not", col_offset: 4, operand: { type: "Compare", col_offset: 8, ops: ["Eq"], left: { id: "a" }, comparators: [{ id: "b" }] } },
        { type: "BoolOp", op: "And", col_offset: 18, values: [{ id: "c" }, { id: "d" }] },
      ],
    });
    expect(value("z = a < b <= c not in d is not e in f\n")).toMatchObject({ type: "Compare", ops: ["Lt", "LtE", "NotIn", "IsNot", "In"], comparators: [{ id: "b" }, { id: "c" }, { id: "d" }, { id: "e" }, { id: "f" }] });
    expect(value("x = -a ** -b * c - d\n")).toMatchObject({
      type: "BinOp", op: "Sub", col_offset: 4, right: { id: "d" }, left: {
        type: "BinOp", op: "Mult", col_offset: 4, right: { id: "c" },
        left: { type: "UnaryOp", op: "USub", operand: { type: "BinOp", op: "Pow", col_offset: 5, left: { id: "a" }, right: { type: "UnaryOp", op: "USub", col_offset: 10 } } },
      },
    });
    expect(value("x = a | b ^ c & d << e + f\n")).toMatchObject({ op: "BitOr", right: { op: "BitXor", right: { op: "BitAnd", right: { op: "LShift", right: { op: "Add" } } } } });
    expect(value("x = a ** b ** c\n")).toMatchObject({ op: "Pow", left: { id: "a" }, right: { op: "Pow", left: { id: "b" }, right: { id: "c" } } });
  });

  it("marks assignment and deletion targets Store and Del, down through tuples, lists and starred names", () => {
    expect(only("a, [b.c, *d], e[0] = f = g\n")).toMatchObject({
      type: "Assign",
      targets: [
        { type: "Tuple", ctx: "Store", elts: [{ ctx: "Store" }, { type: "List", ctx: "Store", elts: [{ type: "Attribute", ctx: "Store", value: { ctx: "Load" } }, { type: "Starred", ctx: "Store", value: { ctx: "Store" } }] }, { type: "Subscript", ctx: "Store" }] },
        { type: "Name", id: "f", ctx: "Store" },
      ],
      value: { type: "Name", id: "g", ctx: "Load" },
    });
    expect(only("del a, b[1]\n")).toMatchObject({ type: "Delete", targets: [{ ctx: "Del" }, { ctx: "Del" }] });
  });

  it("reads keyword arguments with one token of lookahead, and concatenates adjacent literals", () => {
    expect(value("f(a, b=1, *c, **d)\n")).toMatchObject({ type: "Call", args: [{ id: "a" }, { type: "Starred" }], keywords: [{ arg: "b" }, { arg: null }] });
    expect(value("s = 'a' \"b\"\n")).toEqual({ type: "Constant", value: { kind: "str", v: "ab" }, lineno: 1, col_offset: 4 });
    expect(value("s = 'a' f'{b!r:>4}'\n")).toMatchObject({ type: "JoinedStr", values: [{ type: "Constant", value: { v: "a" } }, { type: "FormattedValue", conversion: 114, value: { id: "b" }, format_spec: { values: [{ value: { v: ">4" } }] } }] });
  });

  it("gives INDENT, DEDENT and line numbers to nested blocks", () => {
    const m = parse("if a:\n    if b:\n        pass\n\n    # c\nelse:\n    x = 1\n");
    expect(m.body).toMatchObject([{ type: "If", lineno: 1, body: [{ type: "If", lineno: 2, body: [{ type: "Pass", lineno: 3, col_offset: 8 }], orelse: [] }], orelse: [{ type: "Assign", lineno: 7, col_offset: 4 }] }]);
  });
});
