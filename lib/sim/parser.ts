// Recursive-descent parser for the Python subset, one function per grammar rule of CPython's
// grammar (simplified: no PEG backtracking, one token of lookahead). All syntax errors go through
// `raise(tok, msg)`, which carries CPython's line and column. Constructs we recognise but do not
// model (async, yield, match, walrus, decorators with arguments we cannot run...) raise Unsupported.

import type { Arguments, CmpOp, Comprehension, ConstValue, ExceptHandler, Expr, Keyword, Module, Operator, Pos, Stmt, WithItem } from "./ast";
import { PySyntaxError, Unsupported, decodeEscapes, tokenize, type Token } from "./tokenizer";

const KEYWORDS = new Set(["False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"]);

// Binary operators from loosest to tightest (bitOr ... term): token -> precedence level and operator.
const BIN_LEVELS: Record<string, Operator>[] = [
  { "|": "BitOr" }, { "^": "BitXor" }, { "&": "BitAnd" }, { "<<": "LShift", ">>": "RShift" }, { "+": "Add", "-": "Sub" },
  { "*": "Mult", "/": "Div", "//": "FloorDiv", "%": "Mod", "@": "MatMult" },
];
const BIN_OPS = new Map<string, { level: number; op: Operator }>(BIN_LEVELS.flatMap((t, level) => Object.entries(t).map(([tok, op]) => [tok, { level, op }] as const)));

const AUG: Record<string, Operator> = { "+=": "Add", "-=": "Sub", "*=": "Mult", "/=": "Div", "//=": "FloorDiv", "%=": "Mod", "**=": "Pow", "<<=": "LShift", ">>=": "RShift", "|=": "BitOr", "^=": "BitXor", "&=": "BitAnd", "@=": "MatMult" };

export function parse(src: string): Module {
  return new Parser(tokenize(src)).parseModule();
}

class Parser {
  private p = 0;
  constructor(private readonly toks: Token[]) {}

  private t_(): Token { return this.toks[this.p]; }
  private peek(k = 1): Token { return this.toks[Math.min(this.p + k, this.toks.length - 1)]; }
  private next(): Token { return this.toks[this.p++]; }
  private raise(t: Token, msg = "invalid syntax"): never {
    throw new PySyntaxError(msg, t.line, t.col + 1);
  }
  private isOp(v: string): boolean { return this.t_().kind === "OP" && this.t_().value === v; }
  private isKw(v: string): boolean { return this.t_().kind === "NAME" && this.t_().value === v; }
  private eatOp(v: string): boolean { if (this.isOp(v)) { this.p++; return true; } return false; }
  private eatKw(v: string): boolean { if (this.isKw(v)) { this.p++; return true; } return false; }
  private expectOp(v: string, msg?: string): Token {
    if (v === ":" && this.isOp("=")) this.raise(this.t_(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    if (!this.isOp(v)) this.raise(this.t_(), msg ?? (v === ":" ? "expected ':'" : "invalid syntax"));
    return this.next();
  }
  private expectKw(v: string): Token {
    if (!this.isKw(v)) this.raise(this.t_());
    return this.next();
  }
  private name(): string {
    const t = this.t_();
    if (t.kind !== "NAME" || KEYWORDS.has(t.value)) this.raise(t);
    this.p++;
    return t.value;
  }
  private pos(t: Token): Pos { return { lineno: t.line, col_offset: t.col }; }

  parseModule(): Module {
    const body: Stmt[] = [];
    while (this.t_().kind !== "ENDMARKER") {
      const k = this.t_().kind;
      if (k === "NEWLINE") { this.p++; continue; }
      if (k === "INDENT") throw new PySyntaxError("unexpected indent", this.t_().line, this.t_().col, "IndentationError");
      this.statement(body);
    }
    return { type: "Module", body };
  }

  /** One statement line (several simple statements when joined by ';'), appended to out. */
  private statement(out: Stmt[]): void {
    const t = this.t_();
    if (t.kind === "NAME") {
      switch (t.value) {
        case "if": out.push(this.ifStmt()); return;
        case "while": out.push(this.whileStmt()); return;
        case "for": out.push(this.forStmt()); return;
        case "def": out.push(this.funcDef([])); return;
        case "class": out.push(this.classDef([])); return;
        case "try": out.push(this.tryStmt()); return;
        case "with": out.push(this.withStmt()); return;
        case "async": throw new Unsupported("async", t.line);
        case "match": if (this.peek().kind === "NAME" || this.peek().kind === "NUMBER" || (this.peek().kind === "OP" && "([{".includes(this.peek().value) && this.lineEndsWithColon())) throw new Unsupported("match statement", t.line); break;
      }
    }
    if (t.kind === "OP" && t.value === "@") { out.push(this.decorated()); return; }
    this.simpleStmts(out);
  }

  private lineEndsWithColon(): boolean {
    let k = this.p;
    while (this.toks[k].kind !== "NEWLINE" && this.toks[k].kind !== "ENDMARKER") k++;
    const prev = this.toks[k - 1];
    return prev.kind === "OP" && prev.value === ":";
  }

  private decorated(): Stmt {
    const decs: Expr[] = [];
    while (this.eatOp("@")) {
      decs.push(this.namedExpr());
      if (this.t_().kind !== "NEWLINE") this.raise(this.t_());
      this.p++;
    }
    if (this.isKw("def")) return this.funcDef(decs);
    if (this.isKw("class")) return this.classDef(decs);
    return this.raise(this.t_());
  }

  private block(kind: string, header: Token): Stmt[] {
    this.expectOp(":");
    if (this.t_().kind !== "NEWLINE") { const one: Stmt[] = []; this.simpleStmts(one); return one; }
    this.p++;
    if (this.peek(0).kind !== "INDENT") {
      throw new PySyntaxError(`expected an indented block after ${kind} on line ${header.line}`, this.t_().line, this.t_().col + 1, "IndentationError");
    }
    this.p++;
    const body: Stmt[] = [];
    for (;;) {
      const k = this.t_().kind;
      if (k === "DEDENT" || k === "ENDMARKER") break;
      if (k === "NEWLINE") { this.p++; continue; }
      if (k === "INDENT") throw new PySyntaxError("unexpected indent", this.t_().line, this.t_().col, "IndentationError");
      this.statement(body);
    }
    if (this.t_().kind === "DEDENT") this.p++;
    return body;
  }

  private ifStmt(): Stmt {
    const t = this.next();
    const test = this.namedExpr();
    const body = this.block(`'${t.value}' statement`, t);
    let orelse: Stmt[] = [];
    if (this.isKw("elif")) orelse = [this.ifStmt()];
    else if (this.isKw("else")) { const e = this.next(); orelse = this.block("'else' statement", e); }
    return { type: "If", test, body, orelse, lineno: t.line, col_offset: t.col };
  }

  private whileStmt(): Stmt {
    const t = this.next();
    const test = this.namedExpr();
    const body = this.block("'while' statement", t);
    let orelse: Stmt[] = [];
    if (this.isKw("else")) { const e = this.next(); orelse = this.block("'else' statement", e); }
    return { type: "While", test, body, orelse, lineno: t.line, col_offset: t.col };
  }

  private forStmt(): Stmt {
    const t = this.next();
    const target = this.targetList();
    this.expectKw("in");
    const iter = this.starExpressions();
    const body = this.block("'for' statement", t);
    let orelse: Stmt[] = [];
    if (this.isKw("else")) { const e = this.next(); orelse = this.block("'else' statement", e); }
    return { type: "For", target, iter, body, orelse, lineno: t.line, col_offset: t.col };
  }

  private targetList(): Expr {
    const start = this.t_();
    const first = this.bitOr();
    if (!this.isOp(",")) return this.toStore(first);
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isKw("in") || this.isOp("=")) break;
      elts.push(this.bitOr());
    }
    return this.toStore({ type: "Tuple", elts, ctx: "Load", lineno: start.line, col_offset: start.col });
  }

  private funcDef(decorators: Expr[]): Stmt {
    const t = this.next();
    const name = this.name();
    this.expectOp("(");
    const args = this.params(")");
    this.expectOp(")");
    if (this.eatOp("->")) this.expression();
    const body = this.block(`function definition`, t);
    return { type: "FunctionDef", name, args, body, decorators, lineno: t.line, col_offset: t.col };
  }

  private params(close: string): Arguments {
    const a: Arguments = { args: [], defaults: [], vararg: null, kwonly: [], kwDefaults: [], kwarg: null };
    let star = false;
    while (!this.isOp(close)) {
      if (this.eatOp("**")) {
        a.kwarg = this.name();
        if (close === ")" && this.eatOp(":")) this.expression();
      } else if (this.eatOp("*")) {
        star = true;
        if (!this.isOp(",")) { a.vararg = this.name(); if (close === ")" && this.eatOp(":")) this.expression(); }
      } else if (this.isOp("/")) {
        throw new Unsupported("positional-only parameters", this.t_().line);
      } else {
        const t = this.t_();
        const nm = this.name();
        if (close === ")" && this.eatOp(":")) this.expression();
        let def: Expr | null = null;
        if (this.eatOp("=")) def = this.expression();
        if (star) { a.kwonly.push(nm); a.kwDefaults.push(def); }
        else {
          if (def) a.defaults.push(def);
          else if (a.defaults.length) this.raise(t, "non-default argument follows default argument");
          a.args.push(nm);
        }
      }
      if (!this.eatOp(",")) break;
    }
    return a;
  }

  private classDef(decorators: Expr[]): Stmt {
    const t = this.next();
    const name = this.name();
    const bases: Expr[] = [];
    if (this.eatOp("(")) {
      while (!this.isOp(")")) {
        if (this.t_().kind === "NAME" && this.peek().kind === "OP" && this.peek().value === "=") throw new Unsupported("class keyword arguments", t.line);
        bases.push(this.expression());
        if (!this.eatOp(",")) break;
      }
      this.expectOp(")");
    }
    const body = this.block("class definition", t);
    return { type: "ClassDef", name, bases, body, decorators, lineno: t.line, col_offset: t.col };
  }

  private tryStmt(): Stmt {
    const t = this.next();
    const body = this.block("'try' statement", t);
    const handlers: ExceptHandler[] = [];
    while (this.isKw("except")) {
      const h = this.next();
      if (this.isOp("*")) throw new Unsupported("except*", h.line);
      let exType: Expr | null = null;
      let name: string | null = null;
      if (!this.isOp(":")) {
        exType = this.expression();
        if (this.isOp(",")) {
          const elts = [exType];
          while (this.eatOp(",")) elts.push(this.expression());
          exType = { type: "Tuple", elts, ctx: "Load", lineno: h.line, col_offset: h.col };
        }
        if (this.eatKw("as")) name = this.name();
      }
      const hb = this.block("'except' statement", h);
      handlers.push({ exType, name, body: hb, lineno: h.line, col_offset: h.col });
    }
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    if (handlers.length && this.isKw("else")) { const e = this.next(); orelse = this.block("'else' statement", e); }
    if (this.isKw("finally")) { const f = this.next(); finalbody = this.block("'finally' statement", f); }
    if (!handlers.length && !finalbody.length) this.raise(this.t_(), "expected 'except' or 'finally' block");
    return { type: "Try", body, handlers, orelse, finalbody, lineno: t.line, col_offset: t.col };
  }

  private withStmt(): Stmt {
    const t = this.next();
    const items: WithItem[] = [];
    do {
      const context_expr = this.expression();
      let optional_vars: Expr | null = null;
      if (this.eatKw("as")) optional_vars = this.toStore(this.bitOr());
      items.push({ context_expr, optional_vars });
    } while (this.eatOp(","));
    const body = this.block("'with' statement", t);
    return { type: "With", items, body, lineno: t.line, col_offset: t.col };
  }

  /** Simple statements up to the end of the line, appended to out. */
  private simpleStmts(out: Stmt[]): void {
    out.push(this.simpleStmt());
    while (this.eatOp(";")) {
      if (this.t_().kind === "NEWLINE") break;
      out.push(this.simpleStmt());
    }
    if (this.t_().kind !== "NEWLINE" && this.t_().kind !== "ENDMARKER") this.raise(this.t_());
    if (this.t_().kind === "NEWLINE") this.p++;
  }

  private simpleStmt(): Stmt {
    const t = this.t_();
    if (t.kind === "NAME") {
      switch (t.value) {
        case "pass": this.p++; return { type: "Pass", lineno: t.line, col_offset: t.col };
        case "break": this.p++; return { type: "Break", lineno: t.line, col_offset: t.col };
        case "continue": this.p++; return { type: "Continue", lineno: t.line, col_offset: t.col };
        case "return": {
          this.p++;
          const value = this.atStmtEnd() ? null : this.starExpressions();
          return { type: "Return", value, lineno: t.line, col_offset: t.col };
        }
        case "del": {
          this.p++;
          const targets: Expr[] = [];
          do {
            if (this.atStmtEnd()) break;
            targets.push(this.toDel(this.bitOr()));
          } while (this.eatOp(","));
          if (!targets.length) this.raise(this.t_());
          return { type: "Delete", targets, lineno: t.line, col_offset: t.col };
        }
        case "raise": {
          this.p++;
          if (this.atStmtEnd()) return { type: "Raise", exc: null, cause: null, lineno: t.line, col_offset: t.col };
          const exc = this.expression();
          const cause = this.eatKw("from") ? this.expression() : null;
          return { type: "Raise", exc, cause, lineno: t.line, col_offset: t.col };
        }
        case "global": case "nonlocal": {
          this.p++;
          const names = [this.name()];
          while (this.eatOp(",")) names.push(this.name());
          return t.value === "global" ? { type: "Global", names, lineno: t.line, col_offset: t.col } : { type: "Nonlocal", names, lineno: t.line, col_offset: t.col };
        }
        case "import": {
          this.p++;
          const names = [];
          do {
            let nm = this.name();
            while (this.eatOp(".")) nm += "." + this.name();
            const asname = this.eatKw("as") ? this.name() : null;
            names.push({ name: nm, asname });
          } while (this.eatOp(","));
          return { type: "Import", names, lineno: t.line, col_offset: t.col };
        }
        case "from": {
          this.p++;
          if (this.isOp(".")) throw new Unsupported("relative import", t.line);
          let module = this.name();
          while (this.eatOp(".")) module += "." + this.name();
          this.expectKw("import");
          if (this.isOp("*")) throw new Unsupported("import *", t.line);
          const paren = this.eatOp("(");
          const names = [];
          do {
            if (paren && this.isOp(")")) break;
            const nm = this.name();
            const asname = this.eatKw("as") ? this.name() : null;
            names.push({ name: nm, asname });
          } while (this.eatOp(","));
          if (paren) this.expectOp(")");
          return { type: "ImportFrom", module, names, lineno: t.line, col_offset: t.col };
        }
        case "assert": {
          this.p++;
          const test = this.expression();
          const msg = this.eatOp(",") ? this.expression() : null;
          return { type: "Assert", test, msg, lineno: t.line, col_offset: t.col };
        }
        case "yield": throw new Unsupported("yield", t.line);
      }
    }
    const first = this.starExpressions();
    if (this.isOp("=")) {
      const targets = [this.toStore(first)];
      let value: Expr = first;
      while (this.eatOp("=")) {
        if (this.isKw("yield")) throw new Unsupported("yield", this.t_().line);
        value = this.starExpressions();
        if (this.isOp("=")) targets.push(this.toStore(value));
      }
      return { type: "Assign", targets, value, lineno: t.line, col_offset: t.col };
    }
    if (this.t_().kind === "OP" && AUG[this.t_().value]) {
      const opTok = this.next();
      if (first.type !== "Name" && first.type !== "Attribute" && first.type !== "Subscript") this.raise(t, `'${describe(first)}' is an illegal expression for augmented assignment`);
      const value = this.starExpressions();
      return { type: "AugAssign", target: this.toStore(first), op: AUG[opTok.value], value, lineno: t.line, col_offset: t.col };
    }
    if (this.isOp(":")) {
      this.p++;
      const annotation = this.expression();
      const value = this.eatOp("=") ? this.starExpressions() : null;
      return { type: "AnnAssign", target: this.toStore(first), annotation, value, lineno: t.line, col_offset: t.col };
    }
    return { type: "Expr", value: first, lineno: t.line, col_offset: t.col };
  }

  private atStmtEnd(): boolean {
    return this.t_().kind === "NEWLINE" || this.t_().kind === "ENDMARKER" || this.isOp(";");
  }

  private toStore(e: Expr): Expr { return this.retarget(e, "Store"); }
  private toDel(e: Expr): Expr { return this.retarget(e, "Del"); }
  private retarget(e: Expr, ctx: "Store" | "Del"): Expr {
    switch (e.type) {
      case "Name": return { ...e, ctx };
      case "Attribute": return { ...e, ctx };
      case "Subscript": return { ...e, ctx };
      case "Tuple": case "List":
        return { ...e, ctx, elts: e.elts.map((x) => this.retarget(x, ctx)) };
      case "Starred":
        if (ctx === "Del") break;
        return { ...e, ctx, value: this.retarget(e.value, ctx) };
      default: break;
    }
    const verb = ctx === "Del" ? "delete" : "assign to";
    const d = describe(e);
    throw new PySyntaxError(`cannot ${verb} ${d}${ctx === "Store" && e.type !== "Lambda" ? " here. Maybe you meant '==' instead of '='?" : ""}`, e.lineno, e.col_offset + 1);
  }

  // ---- expressions ----
  private starExpressions(): Expr {
    const t = this.t_();
    const first = this.starExpr();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.atExprEnd()) break;
      elts.push(this.starExpr());
    }
    return { type: "Tuple", elts, ctx: "Load", lineno: t.line, col_offset: t.col };
  }
  /** Inside brackets, an expression followed directly by another: CPython's comma hint. */
  private commaCheck(prev: Expr): void {
    const t = this.t_();
    const startsExpr = t.kind === "NAME" ? !["in", "for", "if", "else", "and", "or", "is", "not", "as", "from", "async"].includes(t.value) : t.kind === "NUMBER" || t.kind === "STRING";
    if (startsExpr) throw new PySyntaxError("invalid syntax. Perhaps you forgot a comma?", prev.lineno, prev.col_offset + 1);
  }

  private atExprEnd(): boolean {
    return this.atStmtEnd() || this.isOp("=") || this.isOp(")") || this.isOp("]") || this.isOp("}") || this.isOp(":") || (this.t_().kind === "OP" && AUG[this.t_().value] !== undefined);
  }
  private starExpr(): Expr {
    if (this.isOp("*")) {
      const t = this.next();
      return { type: "Starred", value: this.bitOr(), ctx: "Load", lineno: t.line, col_offset: t.col };
    }
    return this.namedExpr();
  }
  private namedExpr(): Expr {
    const e = this.expression();
    if (this.isOp(":=")) throw new Unsupported("assignment expression (:=)", this.t_().line);
    return e;
  }
  expression(): Expr {
    if (this.isKw("lambda")) {
      const t = this.next();
      const args = this.params(":");
      this.expectOp(":");
      return { type: "Lambda", args, body: this.expression(), lineno: t.line, col_offset: t.col };
    }
    const t = this.t_();
    const body = this.orTest();
    if (this.isKw("if")) {
      this.p++;
      const test = this.orTest();
      if (!this.isKw("else")) this.raise(this.t_(), "expected 'else' after 'if' expression");
      this.p++;
      const orelse = this.expression();
      return { type: "IfExp", test, body, orelse, lineno: t.line, col_offset: t.col };
    }
    return body;
  }
  private orTest(): Expr {
    const t = this.t_();
    const first = this.andTest();
    if (!this.isKw("or")) return first;
    const values = [first];
    while (this.eatKw("or")) values.push(this.andTest());
    return { type: "BoolOp", op: "Or", values, lineno: t.line, col_offset: t.col };
  }
  private andTest(): Expr {
    const t = this.t_();
    const first = this.notTest();
    if (!this.isKw("and")) return first;
    const values = [first];
    while (this.eatKw("and")) values.push(this.notTest());
    return { type: "BoolOp", op: "And", values, lineno: t.line, col_offset: t.col };
  }
  private notTest(): Expr {
    if (this.isKw("not")) {
      const t = this.next();
      return { type: "UnaryOp", op: "Not", operand: this.notTest(), lineno: t.line, col_offset: t.col };
    }
    return this.comparison();
  }
  private comparison(): Expr {
    const t = this.t_();
    const left = this.bitOr();
    const ops: CmpOp[] = [];
    const comparators: Expr[] = [];
    for (;;) {
      let op: CmpOp | null = null;
      const v = this.t_().value;
      if (this.t_().kind === "OP") {
        op = v === "==" ? "Eq" : v === "!=" ? "NotEq" : v === "<" ? "Lt" : v === "<=" ? "LtE" : v === ">" ? "Gt" : v === ">=" ? "GtE" : null;
        if (op) this.p++;
      } else if (this.isKw("in")) { this.p++; op = "In"; }
      else if (this.isKw("not") && this.peek().kind === "NAME" && this.peek().value === "in") { this.p += 2; op = "NotIn"; }
      else if (this.isKw("is")) { this.p++; op = this.eatKw("not") ? "IsNot" : "Is"; }
      if (!op) break;
      ops.push(op);
      comparators.push(this.bitOr());
    }
    if (!ops.length) return left;
    return { type: "Compare", left, ops, comparators, lineno: t.line, col_offset: t.col };
  }
  /**
   * Binary operators by precedence climbing (bitOr down to term, then factor): one call per
   * operand instead of one per precedence level. Each BinOp starts where its left operand does.
   */
  private binExpr(minLevel: number): Expr {
    const t = this.t_();
    let left = this.factor();
    for (;;) {
      const tok = this.t_();
      if (tok.kind !== "OP") break;
      const b = BIN_OPS.get(tok.value);
      if (!b || b.level < minLevel) break;
      this.p++;
      const right = this.binExpr(b.level + 1);
      left = { type: "BinOp", left, op: b.op, right, lineno: t.line, col_offset: t.col };
    }
    return left;
  }
  private bitOr(): Expr { return this.binExpr(0); }
  private factor(): Expr {
    const t = this.t_();
    if (t.kind === "OP" && (t.value === "-" || t.value === "+" || t.value === "~")) {
      this.p++;
      const operand = this.factor();
      return { type: "UnaryOp", op: t.value === "-" ? "USub" : t.value === "+" ? "UAdd" : "Invert", operand, lineno: t.line, col_offset: t.col };
    }
    return this.power();
  }

  private power(): Expr {
    const t = this.t_();
    if (this.isKw("await")) throw new Unsupported("await", t.line);
    const base = this.primary();
    if (this.eatOp("**")) {
      const right = this.factor();
      return { type: "BinOp", left: base, op: "Pow", right, lineno: t.line, col_offset: t.col };
    }
    return base;
  }
  private primary(): Expr {
    const t = this.t_();
    let e = this.atom();
    for (;;) {
      if (this.isOp(".")) {
        this.p++;
        const attr = this.name();
        e = { type: "Attribute", value: e, attr, ctx: "Load", lineno: t.line, col_offset: t.col };
      } else if (this.isOp("(")) {
        this.p++;
        const { args, keywords } = this.callArgs();
        this.expectOp(")");
        e = { type: "Call", func: e, args, keywords, lineno: t.line, col_offset: t.col };
      } else if (this.isOp("[")) {
        this.p++;
        const slice = this.subscriptList();
        this.expectOp("]");
        e = { type: "Subscript", value: e, slice, ctx: "Load", lineno: t.line, col_offset: t.col };
      } else break;
    }
    return e;
  }
  private callArgs(): { args: Expr[]; keywords: Keyword[] } {
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    while (!this.isOp(")")) {
      const t = this.t_();
      if (this.eatOp("**")) keywords.push({ arg: null, value: this.expression(), lineno: t.line, col_offset: t.col });
      else if (this.eatOp("*")) args.push({ type: "Starred", value: this.expression(), ctx: "Load", lineno: t.line, col_offset: t.col });
      else if (t.kind === "NAME" && this.peek().kind === "OP" && this.peek().value === "=") {
        const arg = this.name();
        this.p++;
        keywords.push({ arg, value: this.expression(), lineno: t.line, col_offset: t.col });
      } else {
        if (keywords.length) this.raise(t, "positional argument follows keyword argument");
        const e = this.namedExpr();
        if (this.isKw("for")) {
          args.push({ type: "GeneratorExp", elt: e, generators: this.compFor(), lineno: t.line, col_offset: t.col });
        } else args.push(e);
      }
      if (!this.eatOp(",")) break;
    }
    return { args, keywords };
  }
  private subscriptList(): Expr {
    const t = this.t_();
    const first = this.sliceItem();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isOp("]")) break;
      elts.push(this.sliceItem());
    }
    return { type: "Tuple", elts, ctx: "Load", lineno: t.line, col_offset: t.col };
  }
  private sliceItem(): Expr {
    const t = this.t_();
    let lower: Expr | null = null;
    if (!this.isOp(":")) {
      lower = this.namedExpr();
      if (!this.isOp(":")) return lower;
    }
    this.p++;
    const upper = this.isOp(":") || this.isOp("]") || this.isOp(",") ? null : this.expression();
    let step: Expr | null = null;
    if (this.eatOp(":")) step = this.isOp("]") || this.isOp(",") ? null : this.expression();
    return { type: "Slice", lower, upper, step, lineno: t.line, col_offset: t.col };
  }
  private compFor(): Comprehension[] {
    const gens: Comprehension[] = [];
    while (this.isKw("for") || this.isKw("async")) {
      if (this.isKw("async")) throw new Unsupported("async comprehension", this.t_().line);
      this.p++;
      const target = this.targetList();
      this.expectKw("in");
      const iter = this.orTest();
      const ifs: Expr[] = [];
      while (this.eatKw("if")) ifs.push(this.orTest());
      gens.push({ target, iter, ifs });
    }
    return gens;
  }
  private atom(): Expr {
    const t = this.t_();
    switch (t.kind) {
      case "NAME": {
        if (t.value === "None") { this.p++; return { type: "Constant", value: { kind: "None" }, lineno: t.line, col_offset: t.col }; }
        if (t.value === "True" || t.value === "False") { this.p++; return { type: "Constant", value: { kind: "bool", v: t.value === "True" }, lineno: t.line, col_offset: t.col }; }
        if (t.value === "yield") throw new Unsupported("yield", t.line);
        if (KEYWORDS.has(t.value)) this.raise(t);
        this.p++;
        return { type: "Name", id: t.value, ctx: "Load", lineno: t.line, col_offset: t.col };
      }
      case "NUMBER": this.p++; return { type: "Constant", value: parseNumber(t), lineno: t.line, col_offset: t.col };
      case "STRING": return this.strings();
      case "OP": break;
      default: this.raise(t);
    }
    if (t.value === "...") { this.p++; return { type: "Constant", value: { kind: "Ellipsis" }, lineno: t.line, col_offset: t.col }; }
    if (t.value === "(") {
      this.p++;
      if (this.eatOp(")")) return { type: "Tuple", elts: [], ctx: "Load", lineno: t.line, col_offset: t.col };
      if (this.isKw("yield")) throw new Unsupported("yield", t.line);
      const first = this.starExpr();
      if (this.isKw("for")) {
        const g: Expr = { type: "GeneratorExp", elt: first, generators: this.compFor(), lineno: t.line, col_offset: t.col };
        this.expectOp(")");
        return g;
      }
      if (this.eatOp(")")) {
        if (first.type === "Starred") this.raise(t, "cannot use starred expression here");
        return first;
      }
      const elts = [first];
      while (this.eatOp(",")) {
        if (this.isOp(")")) break;
        elts.push(this.starExpr());
      }
      this.expectOp(")");
      return { type: "Tuple", elts, ctx: "Load", lineno: t.line, col_offset: t.col };
    }
    if (t.value === "[") {
      this.p++;
      if (this.eatOp("]")) return { type: "List", elts: [], ctx: "Load", lineno: t.line, col_offset: t.col };
      const first = this.starExpr();
      if (this.isKw("for")) {
        const g: Expr = { type: "ListComp", elt: first, generators: this.compFor(), lineno: t.line, col_offset: t.col };
        this.expectOp("]");
        return g;
      }
      const elts = [first];
      this.commaCheck(first);
      while (this.eatOp(",")) {
        if (this.isOp("]")) break;
        const x = this.starExpr();
        elts.push(x);
        this.commaCheck(x);
      }
      this.expectOp("]");
      return { type: "List", elts, ctx: "Load", lineno: t.line, col_offset: t.col };
    }
    if (t.value === "{") {
      this.p++;
      if (this.eatOp("}")) return { type: "Dict", keys: [], values: [], lineno: t.line, col_offset: t.col };
      if (this.isOp("**")) throw new Unsupported("dict unpacking", t.line);
      const first = this.starExpr();
      if (this.eatOp(":")) {
        const v = this.expression();
        if (this.isKw("for")) {
          const g: Expr = { type: "DictComp", key: first, value: v, generators: this.compFor(), lineno: t.line, col_offset: t.col };
          this.expectOp("}");
          return g;
        }
        const keys: (Expr | null)[] = [first];
        const values = [v];
        while (this.eatOp(",")) {
          if (this.isOp("}")) break;
          if (this.isOp("**")) throw new Unsupported("dict unpacking", t.line);
          keys.push(this.expression());
          this.expectOp(":");
          values.push(this.expression());
        }
        this.expectOp("}");
        return { type: "Dict", keys, values, lineno: t.line, col_offset: t.col };
      }
      if (this.isKw("for")) {
        const g: Expr = { type: "SetComp", elt: first, generators: this.compFor(), lineno: t.line, col_offset: t.col };
        this.expectOp("}");
        return g;
      }
      const elts = [first];
      while (this.eatOp(",")) {
        if (this.isOp("}")) break;
        elts.push(this.starExpr());
      }
      this.expectOp("}");
      return { type: "Set", elts, lineno: t.line, col_offset: t.col };
    }
    return this.raise(t);
  }

  /** Adjacent string literals concatenate; any f-string part makes the whole a JoinedStr. */
  private strings(): Expr {
    const t = this.t_();
    const parts: Expr[] = [];
    let isF = false;
    let isBytes = false;
    while (this.t_().kind === "STRING") {
      const s = this.next();
      if (s.prefix === "b") isBytes = true;
      if (s.prefix?.startsWith("f")) {
        isF = true;
        parts.push(...parseFString(s));
      } else parts.push({ type: "Constant", value: { kind: "str", v: s.value }, lineno: s.line, col_offset: s.col });
    }
    if (isBytes) throw new Unsupported("bytes literal", t.line);
    // merge adjacent constants
    const merged: Expr[] = [];
    for (const p of parts) {
      const last = merged[merged.length - 1];
      if (p.type === "Constant" && last && last.type === "Constant" && last.value.kind === "str" && p.value.kind === "str") {
        merged[merged.length - 1] = { ...last, value: { kind: "str", v: last.value.v + p.value.v } };
      } else merged.push(p);
    }
    if (!isF) {
      const only = merged[0];
      return only && only.type === "Constant" ? { ...only, lineno: t.line, col_offset: t.col } : { type: "Constant", value: { kind: "str", v: "" }, lineno: t.line, col_offset: t.col };
    }
    return { type: "JoinedStr", values: merged.filter((p) => !(p.type === "Constant" && p.value.kind === "str" && p.value.v === "")), lineno: t.line, col_offset: t.col };
  }
}

function describe(e: Expr): string {
  switch (e.type) {
    case "Call": return "function call";
    case "Constant": return "literal";
    case "BinOp": case "UnaryOp": case "BoolOp": return "expression";
    case "Compare": return "comparison";
    case "Lambda": return "lambda";
    case "IfExp": return "conditional expression";
    case "ListComp": return "list comprehension";
    case "DictComp": return "dict comprehension";
    case "SetComp": return "set comprehension";
    case "GeneratorExp": return "generator expression";
    case "Dict": return "dict literal";
    case "Set": return "set display";
    case "JoinedStr": return "f-string expression";
    default: return "expression";
  }
}

/** BigInts of the small decimal literals programs mostly write (parsing a BigInt from text is slow). */
const SMALL_BIGINTS: bigint[] = Array.from({ length: 1025 }, (_, i) => BigInt(i));

function parseNumber(t: Token): ConstValue {
  // plain decimal digits, no leading zero, exact as a double: no regex, no BigInt parsing
  const v = t.value;
  if (v.length <= 15 && (v.length === 1 || v.charCodeAt(0) !== 48)) {
    let digits = true;
    for (let i = 0; i < v.length; i++) { const k = v.charCodeAt(i); if (k < 48 || k > 57) { digits = false; break; } }
    if (digits) { const n = Number(v); return { kind: "int", v: n < SMALL_BIGINTS.length ? SMALL_BIGINTS[n] : BigInt(n) }; }
  }
  const s = v.replace(/_/g, "");
  if (/[jJ]$/.test(s)) throw new Unsupported("complex numbers", t.line);
  if (/^0[xX]/.test(s)) return { kind: "int", v: BigInt(s) };
  if (/^0[oO]/.test(s)) return { kind: "int", v: BigInt("0o" + s.slice(2)) };
  if (/^0[bB]/.test(s)) return { kind: "int", v: BigInt("0b" + s.slice(2)) };
  if (/[.eE]/.test(s)) return { kind: "float", v: Number(s) };
  if (/^0+[1-9]/.test(s)) throw new PySyntaxError("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", t.line, t.col + 1);
  return { kind: "int", v: BigInt(s) };
}

/** Split an f-string body into constant parts and FormattedValue parts. */
function parseFString(s: Token): Expr[] {
  const body = s.value;
  const raw = s.prefix === "fr";
  const out: Expr[] = [];
  let lit = "";
  const flush = () => {
    if (lit) out.push({ type: "Constant", value: { kind: "str", v: raw ? lit : decodeEscapes(lit, s.line, s.col) }, lineno: s.line, col_offset: s.col });
    lit = "";
  };
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === "{" && body[i + 1] === "{") { lit += "{"; i += 2; continue; }
    if (c === "}" && body[i + 1] === "}") { lit += "}"; i += 2; continue; }
    if (c === "}") throw new Unsupported("f-string syntax error", s.line);
    if (c !== "{") { lit += c; i++; continue; }
    flush();
    // find the end of the expression part, respecting nesting and strings
    let depth = 0;
    let j = i + 1;
    let quote = "";
    let exprEnd = -1;
    let conv: -1 | 114 | 115 | 97 = -1;
    let specStart = -1;
    for (; j < body.length; j++) {
      const d = body[j];
      if (quote) { if (d === quote) quote = ""; continue; }
      if (d === "'" || d === '"') { quote = d; continue; }
      if ("([{".includes(d)) depth++;
      else if (")]".includes(d)) depth--;
      else if (d === "}" && depth > 0) depth--;
      else if (depth === 0 && (d === "}" || d === ":" || (d === "!" && body[j + 1] !== "="))) break;
      else if (depth === 0 && d === "=" && body[j + 1] !== "=" && !"=!<>".includes(body[j - 1])) throw new Unsupported("f-string '=' specifier", s.line);
    }
    exprEnd = j;
    const exprSrc = body.slice(i + 1, exprEnd);
    if (!exprSrc.trim()) throw new Unsupported("f-string syntax error", s.line);
    if (body[j] === "!") {
      const cc = body[j + 1];
      conv = cc === "r" ? 114 : cc === "s" ? 115 : cc === "a" ? 97 : (() => { throw new Unsupported("f-string syntax error", s.line); })();
      j += 2;
    }
    let spec: Expr | null = null;
    if (body[j] === ":") {
      specStart = j + 1;
      let k = specStart;
      let d2 = 0;
      for (; k < body.length; k++) {
        if (body[k] === "{") d2++;
        else if (body[k] === "}") { if (d2 === 0) break; d2--; }
      }
      const specText = body.slice(specStart, k);
      if (specText.includes("{")) throw new Unsupported("nested f-string format spec", s.line);
      spec = { type: "JoinedStr", values: specText ? [{ type: "Constant", value: { kind: "str", v: specText }, lineno: s.line, col_offset: s.col }] : [], lineno: s.line, col_offset: s.col };
      j = k;
    }
    if (body[j] !== "}") throw new Unsupported("f-string syntax error", s.line);
    let value: Expr;
    try {
      const inner = new Parser(tokenize("(" + exprSrc.replace(/\n/g, " ") + ")\n"));
      value = inner.expression();
    } catch (e) {
      if (e instanceof PySyntaxError) throw new Unsupported("f-string syntax error", s.line);
      throw e;
    }
    out.push({ type: "FormattedValue", value: shiftLines(value, s.line - 1), conversion: conv, format_spec: spec, lineno: s.line, col_offset: s.col });
    i = j + 1;
  }
  flush();
  return out;
}

function shiftLines(e: Expr, by: number): Expr {
  // f-string sub-expressions report the line of the string; only the outer node's line is used.
  return { ...e, lineno: e.lineno + by };
}
