// Recursive-descent parser for the Python subset, one method per grammar rule of CPython's
// grammar (simplified: no PEG backtracking, one token of lookahead). It extends the scanner, as
// Acorn's parser does: the current token is a few fields of the same object, read on demand, so no
// token list or token objects exist. All syntax errors carry CPython's line and column. Constructs
// we recognise but do not model (async, yield, match, walrus...) raise Unsupported.

import type { Arguments, CmpOp, Comprehension, ConstValue, ExceptHandler, Expr, Keyword, Module, Operator, Stmt, WithItem } from "./ast";
import { DEDENT, ENDMARKER, INDENT, NAME, NEWLINE, NUMBER, OP, PySyntaxError, STRING, Scanner, Unsupported, decodeEscapes } from "./tokenizer";

/**
 * Precedence level of a binary operator token, loosest (bitOr, 0) to tightest (term, 5); -1 if
 * none. By first character: it runs after every operand, mostly on ')', ',' or '='.
 */
function binLevel(v: string): number {
  const one = v.length === 1;
  switch (v.charCodeAt(0)) {
    case 124: return one ? 0 : -1; // |
    case 94: return one ? 1 : -1; // ^
    case 38: return one ? 2 : -1; // &
    case 60: return v === "<<" ? 3 : -1;
    case 62: return v === ">>" ? 3 : -1;
    case 43: case 45: return one ? 4 : -1; // + -
    case 42: case 37: case 64: return one ? 5 : -1; // * % @
    case 47: return one || v === "//" ? 5 : -1;
    default: return -1;
  }
}
function binOp(v: string): Operator {
  switch (v) {
    case "|": return "BitOr";
    case "^": return "BitXor";
    case "&": return "BitAnd";
    case "<<": return "LShift";
    case ">>": return "RShift";
    case "+": return "Add";
    case "-": return "Sub";
    case "*": return "Mult";
    case "/": return "Div";
    case "//": return "FloorDiv";
    case "%": return "Mod";
    default: return "MatMult";
  }
}
/** The operator of an augmented assignment token, or null. */
function augOp(v: string): Operator | null {
  switch (v) {
    case "+=": return "Add";
    case "-=": return "Sub";
    case "*=": return "Mult";
    case "/=": return "Div";
    case "//=": return "FloorDiv";
    case "%=": return "Mod";
    case "**=": return "Pow";
    case "<<=": return "LShift";
    case ">>=": return "RShift";
    case "|=": return "BitOr";
    case "^=": return "BitXor";
    case "&=": return "BitAnd";
    case "@=": return "MatMult";
    default: return null;
  }
}
function cmpOp(v: string): CmpOp | null {
  switch (v) {
    case "==": return "Eq";
    case "!=": return "NotEq";
    case "<": return "Lt";
    case "<=": return "LtE";
    case ">": return "Gt";
    case ">=": return "GtE";
    default: return null;
  }
}

export function parse(src: string): Module {
  const p = new Parser(src);
  try {
    return p.parseModule();
  } catch (e) {
    p.drain(); // a lexical error further on is reported before this one, as CPython's tokenizer would
    throw e;
  }
}

class Parser extends Scanner {
  constructor(src: string) {
    super(src);
    this.next();
  }

  private raise(msg = "invalid syntax"): never {
    throw new PySyntaxError(msg, this.tline, this.tcol + 1);
  }
  /** A syntax error at a token seen earlier (0-based col, as tokens carry it). */
  private raiseAt(line: number, col: number, msg: string): never {
    throw new PySyntaxError(msg, line, col + 1);
  }
  private isOp(v: string): boolean { return this.type === OP && this.value === v; }
  // keyword tests: v is always a keyword, and the scanner flags keywords (kw) as it reads them
  private isKw(v: string): boolean { return this.kw && this.value === v; }
  private eatOp(v: string): boolean { if (this.type === OP && this.value === v) { this.next(); return true; } return false; }
  private eatKw(v: string): boolean { if (this.kw && this.value === v) { this.next(); return true; } return false; }
  private expectOp(v: string, msg?: string): void {
    if (v === ":" && this.isOp("=")) this.raise("invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    if (!this.isOp(v)) this.raise(msg ?? (v === ":" ? "expected ':'" : "invalid syntax"));
    this.next();
  }
  private expectKw(v: string): void {
    if (!this.isKw(v)) this.raise();
    this.next();
  }
  private name(): string {
    const v = this.value;
    if (this.type !== NAME || this.kw) this.raise();
    this.next();
    return v;
  }
  /** Whether the token after the current one is the operator v. */
  private aheadIsOp(v: string): boolean {
    this.peek();
    return this.aType === OP && this.aValue === v;
  }

  parseModule(): Module {
    const body: Stmt[] = [];
    while (this.type !== ENDMARKER) {
      const k = this.type;
      if (k === NEWLINE) { this.next(); continue; }
      if (k === INDENT) throw new PySyntaxError("unexpected indent", this.tline, this.tcol, "IndentationError");
      this.statement(body);
    }
    return { type: "Module", body };
  }

  /** One statement line (several simple statements when joined by ';'), appended to out. */
  private statement(out: Stmt[]): void {
    if (this.kw) {
      switch (this.value) {
        case "if": out.push(this.ifStmt()); return;
        case "while": out.push(this.whileStmt()); return;
        case "for": out.push(this.forStmt()); return;
        case "def": out.push(this.funcDef([])); return;
        case "class": out.push(this.classDef([])); return;
        case "try": out.push(this.tryStmt()); return;
        case "with": out.push(this.withStmt()); return;
        case "async": throw new Unsupported("async", this.tline);
      }
    } else if (this.type === NAME && this.value === "match") { // a soft keyword: a match statement, or a name
      const line = this.tline;
      this.peek();
      const a = this.aType;
      if (a === NAME || a === NUMBER || (a === OP && (this.aValue === "(" || this.aValue === "[" || this.aValue === "{") && this.lineEndsWithColon())) throw new Unsupported("match statement", line);
    } else if (this.type === OP && this.value === "@") { out.push(this.decorated()); return; }
    this.simpleStmts(out);
  }

  /** Whether the current line's last token is ':' (scans ahead, then puts the scanner back). */
  private lineEndsWithColon(): boolean {
    const saved = this.save();
    let lastType = this.type;
    let lastValue = this.value;
    this.next();
    while (this.type !== NEWLINE && this.type !== ENDMARKER) { lastType = this.type; lastValue = this.value; this.next(); }
    this.restore(saved);
    return lastType === OP && lastValue === ":";
  }

  private decorated(): Stmt {
    const decs: Expr[] = [];
    while (this.eatOp("@")) {
      decs.push(this.namedExpr());
      if (this.type !== NEWLINE) this.raise();
      this.next();
    }
    if (this.isKw("def")) return this.funcDef(decs);
    if (this.isKw("class")) return this.classDef(decs);
    return this.raise();
  }

  private block(kind: string, headerLine: number): Stmt[] {
    this.expectOp(":");
    if (this.type !== NEWLINE) { const one: Stmt[] = []; this.simpleStmts(one); return one; }
    this.next();
    if (this.type !== INDENT) {
      throw new PySyntaxError(`expected an indented block after ${kind} on line ${headerLine}`, this.tline, this.tcol + 1, "IndentationError");
    }
    this.next();
    const body: Stmt[] = [];
    for (;;) {
      const k = this.type;
      if (k === DEDENT || k === ENDMARKER) break;
      if (k === NEWLINE) { this.next(); continue; }
      if (k === INDENT) throw new PySyntaxError("unexpected indent", this.tline, this.tcol, "IndentationError");
      this.statement(body);
    }
    if (this.type === DEDENT) this.next();
    return body;
  }

  /** The `else:` block after a loop or try, if there is one. */
  private elseBlock(): Stmt[] {
    if (!this.isKw("else")) return [];
    const line = this.tline;
    this.next();
    return this.block("'else' statement", line);
  }

  private ifStmt(): Stmt {
    const line = this.tline, col = this.tcol;
    const kind = this.value === "if" ? "'if' statement" : "'elif' statement";
    this.next();
    const test = this.namedExpr();
    const body = this.block(kind, line);
    let orelse: Stmt[] = [];
    if (this.isKw("elif")) orelse = [this.ifStmt()];
    else orelse = this.elseBlock();
    return { type: "If", test, body, orelse, lineno: line, col_offset: col };
  }

  private whileStmt(): Stmt {
    const line = this.tline, col = this.tcol;
    this.next();
    const test = this.namedExpr();
    const body = this.block("'while' statement", line);
    const orelse = this.elseBlock();
    return { type: "While", test, body, orelse, lineno: line, col_offset: col };
  }

  private forStmt(): Stmt {
    const line = this.tline, col = this.tcol;
    this.next();
    const target = this.targetList();
    this.expectKw("in");
    const iter = this.starExpressions();
    const body = this.block("'for' statement", line);
    const orelse = this.elseBlock();
    return { type: "For", target, iter, body, orelse, lineno: line, col_offset: col };
  }

  private targetList(): Expr {
    const line = this.tline, col = this.tcol;
    const first = this.bitOr();
    if (!this.isOp(",")) return this.toStore(first);
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isKw("in") || this.isOp("=")) break;
      elts.push(this.bitOr());
    }
    return this.toStore({ type: "Tuple", elts, ctx: "Load", lineno: line, col_offset: col });
  }

  private funcDef(decorators: Expr[]): Stmt {
    const line = this.tline, col = this.tcol;
    this.next();
    const name = this.name();
    this.expectOp("(");
    const args = this.params(")");
    this.expectOp(")");
    if (this.eatOp("->")) this.expression();
    const body = this.block("function definition", line);
    return { type: "FunctionDef", name, args, body, decorators, lineno: line, col_offset: col };
  }

  private params(close: string): Arguments {
    const a: Arguments = { args: [], defaults: [], vararg: null, kwonly: [], kwDefaults: [], kwarg: null };
    const annotated = close === ")";
    let star = false;
    while (!this.isOp(close)) {
      if (this.eatOp("**")) {
        a.kwarg = this.name();
        if (annotated && this.eatOp(":")) this.expression();
      } else if (this.eatOp("*")) {
        star = true;
        if (!this.isOp(",")) { a.vararg = this.name(); if (annotated && this.eatOp(":")) this.expression(); }
      } else if (this.isOp("/")) {
        throw new Unsupported("positional-only parameters", this.tline);
      } else {
        const line = this.tline, col = this.tcol;
        const nm = this.name();
        if (annotated && this.eatOp(":")) this.expression();
        let def: Expr | null = null;
        if (this.eatOp("=")) def = this.expression();
        if (star) { a.kwonly.push(nm); a.kwDefaults.push(def); }
        else {
          if (def) a.defaults.push(def);
          else if (a.defaults.length) this.raiseAt(line, col, "non-default argument follows default argument");
          a.args.push(nm);
        }
      }
      if (!this.eatOp(",")) break;
    }
    return a;
  }

  private classDef(decorators: Expr[]): Stmt {
    const line = this.tline, col = this.tcol;
    this.next();
    const name = this.name();
    const bases: Expr[] = [];
    if (this.eatOp("(")) {
      while (!this.isOp(")")) {
        if (this.type === NAME && this.aheadIsOp("=")) throw new Unsupported("class keyword arguments", line);
        bases.push(this.expression());
        if (!this.eatOp(",")) break;
      }
      this.expectOp(")");
    }
    const body = this.block("class definition", line);
    return { type: "ClassDef", name, bases, body, decorators, lineno: line, col_offset: col };
  }

  private tryStmt(): Stmt {
    const line = this.tline, col = this.tcol;
    this.next();
    const body = this.block("'try' statement", line);
    const handlers: ExceptHandler[] = [];
    while (this.isKw("except")) {
      const hline = this.tline, hcol = this.tcol;
      this.next();
      if (this.isOp("*")) throw new Unsupported("except*", hline);
      let exType: Expr | null = null;
      let name: string | null = null;
      if (!this.isOp(":")) {
        exType = this.expression();
        if (this.isOp(",")) {
          const elts = [exType];
          while (this.eatOp(",")) elts.push(this.expression());
          exType = { type: "Tuple", elts, ctx: "Load", lineno: hline, col_offset: hcol };
        }
        if (this.eatKw("as")) name = this.name();
      }
      const hb = this.block("'except' statement", hline);
      handlers.push({ exType, name, body: hb, lineno: hline, col_offset: hcol });
    }
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    if (handlers.length) orelse = this.elseBlock();
    if (this.isKw("finally")) { const fline = this.tline; this.next(); finalbody = this.block("'finally' statement", fline); }
    if (!handlers.length && !finalbody.length) this.raise("expected 'except' or 'finally' block");
    return { type: "Try", body, handlers, orelse, finalbody, lineno: line, col_offset: col };
  }

  private withStmt(): Stmt {
    const line = this.tline, col = this.tcol;
    this.next();
    const items: WithItem[] = [];
    do {
      const context_expr = this.expression();
      let optional_vars: Expr | null = null;
      if (this.eatKw("as")) optional_vars = this.toStore(this.bitOr());
      items.push({ context_expr, optional_vars });
    } while (this.eatOp(","));
    const body = this.block("'with' statement", line);
    return { type: "With", items, body, lineno: line, col_offset: col };
  }

  /** Simple statements up to the end of the line, appended to out. */
  private simpleStmts(out: Stmt[]): void {
    out.push(this.simpleStmt());
    while (this.eatOp(";")) {
      if (this.type === NEWLINE) break;
      out.push(this.simpleStmt());
    }
    if (this.type !== NEWLINE && this.type !== ENDMARKER) this.raise();
    if (this.type === NEWLINE) this.next();
  }

  private simpleStmt(): Stmt {
    const line = this.tline, col = this.tcol;
    if (this.kw) {
      switch (this.value) {
        case "pass": this.next(); return { type: "Pass", lineno: line, col_offset: col };
        case "break": this.next(); return { type: "Break", lineno: line, col_offset: col };
        case "continue": this.next(); return { type: "Continue", lineno: line, col_offset: col };
        case "return": {
          this.next();
          const value = this.atStmtEnd() ? null : this.starExpressions();
          return { type: "Return", value, lineno: line, col_offset: col };
        }
        case "del": {
          this.next();
          const targets: Expr[] = [];
          do {
            if (this.atStmtEnd()) break;
            targets.push(this.toDel(this.bitOr()));
          } while (this.eatOp(","));
          if (!targets.length) this.raise();
          return { type: "Delete", targets, lineno: line, col_offset: col };
        }
        case "raise": {
          this.next();
          if (this.atStmtEnd()) return { type: "Raise", exc: null, cause: null, lineno: line, col_offset: col };
          const exc = this.expression();
          const cause = this.eatKw("from") ? this.expression() : null;
          return { type: "Raise", exc, cause, lineno: line, col_offset: col };
        }
        case "global": case "nonlocal": {
          const global = this.value === "global";
          this.next();
          const names = [this.name()];
          while (this.eatOp(",")) names.push(this.name());
          return global ? { type: "Global", names, lineno: line, col_offset: col } : { type: "Nonlocal", names, lineno: line, col_offset: col };
        }
        case "import": {
          this.next();
          const names = [];
          do {
            let nm = this.name();
            while (this.eatOp(".")) nm += "." + this.name();
            const asname = this.eatKw("as") ? this.name() : null;
            names.push({ name: nm, asname });
          } while (this.eatOp(","));
          return { type: "Import", names, lineno: line, col_offset: col };
        }
        case "from": {
          this.next();
          if (this.isOp(".")) throw new Unsupported("relative import", line);
          let module = this.name();
          while (this.eatOp(".")) module += "." + this.name();
          this.expectKw("import");
          if (this.isOp("*")) throw new Unsupported("import *", line);
          const paren = this.eatOp("(");
          const names = [];
          do {
            if (paren && this.isOp(")")) break;
            const nm = this.name();
            const asname = this.eatKw("as") ? this.name() : null;
            names.push({ name: nm, asname });
          } while (this.eatOp(","));
          if (paren) this.expectOp(")");
          return { type: "ImportFrom", module, names, lineno: line, col_offset: col };
        }
        case "assert": {
          this.next();
          const test = this.expression();
          const msg = this.eatOp(",") ? this.expression() : null;
          return { type: "Assert", test, msg, lineno: line, col_offset: col };
        }
        case "yield": throw new Unsupported("yield", line);
      }
    }
    const first = this.starExpressions();
    if (this.type !== OP) return { type: "Expr", value: first, lineno: line, col_offset: col };
    if (this.value === "=") {
      const targets = [this.toStore(first)];
      let value: Expr = first;
      while (this.eatOp("=")) {
        if (this.isKw("yield")) throw new Unsupported("yield", this.tline);
        value = this.starExpressions();
        if (this.isOp("=")) targets.push(this.toStore(value));
      }
      return { type: "Assign", targets, value, lineno: line, col_offset: col };
    }
    const aug = augOp(this.value);
    if (aug !== null) {
      this.next();
      if (first.type !== "Name" && first.type !== "Attribute" && first.type !== "Subscript") this.raiseAt(line, col, `'${describe(first)}' is an illegal expression for augmented assignment`);
      const value = this.starExpressions();
      return { type: "AugAssign", target: this.toStore(first), op: aug, value, lineno: line, col_offset: col };
    }
    if (this.value === ":") {
      this.next();
      const annotation = this.expression();
      const value = this.eatOp("=") ? this.starExpressions() : null;
      return { type: "AnnAssign", target: this.toStore(first), annotation, value, lineno: line, col_offset: col };
    }
    return { type: "Expr", value: first, lineno: line, col_offset: col };
  }

  private atStmtEnd(): boolean {
    return this.type === NEWLINE || this.type === ENDMARKER || this.isOp(";");
  }

  private toStore(e: Expr): Expr { return this.retarget(e, "Store"); }
  private toDel(e: Expr): Expr { return this.retarget(e, "Del"); }
  /** Set the context of a target in place: the node was just parsed and nothing else holds it. */
  private retarget(e: Expr, ctx: "Store" | "Del"): Expr {
    switch (e.type) {
      case "Name": case "Attribute": case "Subscript": e.ctx = ctx; return e;
      case "Tuple": case "List":
        e.ctx = ctx;
        for (let k = 0; k < e.elts.length; k++) e.elts[k] = this.retarget(e.elts[k], ctx);
        return e;
      case "Starred":
        if (ctx === "Del") break;
        e.ctx = ctx;
        e.value = this.retarget(e.value, ctx);
        return e;
      default: break;
    }
    const verb = ctx === "Del" ? "delete" : "assign to";
    const d = describe(e);
    throw new PySyntaxError(`cannot ${verb} ${d}${ctx === "Store" && e.type !== "Lambda" ? " here. Maybe you meant '==' instead of '='?" : ""}`, e.lineno, e.col_offset + 1);
  }

  // ---- expressions ----
  private starExpressions(): Expr {
    const line = this.tline, col = this.tcol;
    const first = this.starExpr();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.atExprEnd()) break;
      elts.push(this.starExpr());
    }
    return { type: "Tuple", elts, ctx: "Load", lineno: line, col_offset: col };
  }
  /** Inside brackets, an expression followed directly by another: CPython's comma hint. */
  private commaCheck(prev: Expr): void {
    let startsExpr = this.type === NUMBER || this.type === STRING;
    if (this.type === NAME) {
      if (!this.kw) startsExpr = true;
      else switch (this.value) {
        case "in": case "for": case "if": case "else": case "and": case "or": case "is": case "not": case "as": case "from": case "async": break;
        default: startsExpr = true;
      }
    }
    if (startsExpr) throw new PySyntaxError("invalid syntax. Perhaps you forgot a comma?", prev.lineno, prev.col_offset + 1);
  }

  private atExprEnd(): boolean {
    if (this.type === NEWLINE || this.type === ENDMARKER) return true;
    if (this.type !== OP) return false;
    switch (this.value) {
      case ";": case "=": case ")": case "]": case "}": case ":": return true;
      default: return augOp(this.value) !== null;
    }
  }
  private starExpr(): Expr {
    if (this.isOp("*")) {
      const line = this.tline, col = this.tcol;
      this.next();
      return { type: "Starred", value: this.bitOr(), ctx: "Load", lineno: line, col_offset: col };
    }
    return this.namedExpr();
  }
  private namedExpr(): Expr {
    const e = this.expression();
    if (this.isOp(":=")) throw new Unsupported("assignment expression (:=)", this.tline);
    return e;
  }
  expression(): Expr {
    const line = this.tline, col = this.tcol;
    if (this.isKw("lambda")) {
      this.next();
      const args = this.params(":");
      this.expectOp(":");
      return { type: "Lambda", args, body: this.expression(), lineno: line, col_offset: col };
    }
    const body = this.orTest();
    if (this.isKw("if")) {
      this.next();
      const test = this.orTest();
      if (!this.isKw("else")) this.raise("expected 'else' after 'if' expression");
      this.next();
      const orelse = this.expression();
      return { type: "IfExp", test, body, orelse, lineno: line, col_offset: col };
    }
    return body;
  }
  // Precedence levels of exprAt, loosest first: CPython's disjunction ... power, one rule each.
  //   0 or, 1 and, 2 not (prefix), 3 comparison, 4..9 the binary operators (bitOr ... term),
  //   10 factor (prefix - + ~), 11 power.
  private orTest(): Expr { return this.exprAt(0); }
  private bitOr(): Expr { return this.exprAt(4); }

  /**
   * An expression whose loosest operator has at least level `min`, by precedence climbing: one
   * call per operand rather than one per grammar rule, with each rule's node shape kept (BoolOp and
   * Compare gather all their operands; BinOp is left-associative). Every node starts where its
   * first operand does, as in CPython.
   */
  private exprAt(min: number): Expr {
    const line = this.tline, col = this.tcol;
    let left: Expr;
    if (this.type === OP && min <= 10 && (this.value === "-" || this.value === "+" || this.value === "~")) {
      const v = this.value;
      this.next();
      const operand = this.exprAt(10);
      left = { type: "UnaryOp", op: v === "-" ? "USub" : v === "+" ? "UAdd" : "Invert", operand, lineno: line, col_offset: col };
    } else if (this.kw && min <= 2 && this.value === "not") {
      this.next();
      left = { type: "UnaryOp", op: "Not", operand: this.exprAt(2), lineno: line, col_offset: col };
    } else {
      if (this.kw && this.value === "await") throw new Unsupported("await", line);
      left = this.primary();
      if (this.type === OP && this.value === "**") {
        this.next();
        const right = this.exprAt(10);
        left = { type: "BinOp", left, op: "Pow", right, lineno: line, col_offset: col };
      }
    }
    for (;;) {
      if (this.type === OP) {
        const v = this.value;
        const level = binLevel(v) + 4; // 3 when not a binary operator
        if (level > 3) {
          if (level < min) return left;
          this.next();
          const right = this.exprAt(level + 1);
          left = { type: "BinOp", left, op: binOp(v), right, lineno: line, col_offset: col };
          continue;
        }
        if (min > 3 || cmpOp(v) === null) return left;
        left = this.comparison(left, line, col);
      } else if (this.kw) {
        const v = this.value;
        if (v === "in" || v === "is" || v === "not") {
          if (min > 3) return left;
          if (v === "not") { this.peek(); if (this.aType !== NAME || this.aValue !== "in") return left; }
          left = this.comparison(left, line, col);
        } else if (v === "and") {
          if (min > 1) return left;
          const values = [left];
          while (this.eatKw("and")) values.push(this.exprAt(2));
          left = { type: "BoolOp", op: "And", values, lineno: line, col_offset: col };
        } else if (v === "or") {
          if (min > 0) return left;
          const values = [left];
          while (this.eatKw("or")) values.push(this.exprAt(1));
          left = { type: "BoolOp", op: "Or", values, lineno: line, col_offset: col };
        } else return left;
      } else return left;
    }
  }

  /** A comparison chain after its left operand, the current token being its first operator. */
  private comparison(left: Expr, line: number, col: number): Expr {
    const ops: CmpOp[] = [];
    const comparators: Expr[] = [];
    for (;;) {
      let op: CmpOp | null = null;
      if (this.type === OP) {
        op = cmpOp(this.value);
        if (op) this.next();
      } else if (this.type === NAME) {
        const v = this.value;
        if (v === "in") { this.next(); op = "In"; }
        else if (v === "not") {
          this.peek();
          if (this.aType === NAME && this.aValue === "in") { this.next(); this.next(); op = "NotIn"; }
        } else if (v === "is") { this.next(); op = this.eatKw("not") ? "IsNot" : "Is"; }
      }
      if (!op) break;
      ops.push(op);
      comparators.push(this.exprAt(4));
    }
    return { type: "Compare", left, ops, comparators, lineno: line, col_offset: col };
  }

  private primary(): Expr {
    const line = this.tline, col = this.tcol;
    let e = this.atom();
    while (this.type === OP) {
      const v = this.value;
      if (v === ".") {
        this.next();
        const attr = this.name();
        e = { type: "Attribute", value: e, attr, ctx: "Load", lineno: line, col_offset: col };
      } else if (v === "(") {
        this.next();
        const args: Expr[] = [];
        const keywords: Keyword[] = [];
        this.callArgs(args, keywords);
        this.expectOp(")");
        e = { type: "Call", func: e, args, keywords, lineno: line, col_offset: col };
      } else if (v === "[") {
        this.next();
        const slice = this.subscriptList();
        this.expectOp("]");
        e = { type: "Subscript", value: e, slice, ctx: "Load", lineno: line, col_offset: col };
      } else break;
    }
    return e;
  }
  private callArgs(args: Expr[], keywords: Keyword[]): void {
    while (!this.isOp(")")) {
      const line = this.tline, col = this.tcol;
      if (this.eatOp("**")) keywords.push({ arg: null, value: this.expression(), lineno: line, col_offset: col });
      else if (this.eatOp("*")) args.push({ type: "Starred", value: this.expression(), ctx: "Load", lineno: line, col_offset: col });
      else if (this.type === NAME && (this.kw || keywords.length > 0) && this.aheadIsOp("=")) {
        const arg = this.name();
        this.next();
        keywords.push({ arg, value: this.expression(), lineno: line, col_offset: col });
      } else {
        if (keywords.length) this.raise("positional argument follows keyword argument");
        // Before any keyword argument, a plain name is parsed as an expression rather than peeked
        // past: it was `name=` exactly when the expression is that one name and '=' follows.
        const bare = this.type === NAME;
        const e = this.namedExpr();
        if (bare && e.type === "Name" && this.type === OP && this.value === "=") {
          this.next();
          keywords.push({ arg: e.id, value: this.expression(), lineno: line, col_offset: col });
        } else if (this.isKw("for")) {
          args.push({ type: "GeneratorExp", elt: e, generators: this.compFor(), lineno: line, col_offset: col });
        } else args.push(e);
      }
      if (!this.eatOp(",")) break;
    }
  }
  private subscriptList(): Expr {
    const line = this.tline, col = this.tcol;
    const first = this.sliceItem();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isOp("]")) break;
      elts.push(this.sliceItem());
    }
    return { type: "Tuple", elts, ctx: "Load", lineno: line, col_offset: col };
  }
  private sliceItem(): Expr {
    const line = this.tline, col = this.tcol;
    let lower: Expr | null = null;
    if (!this.isOp(":")) {
      lower = this.namedExpr();
      if (!this.isOp(":")) return lower;
    }
    this.next();
    const upper = this.isOp(":") || this.isOp("]") || this.isOp(",") ? null : this.expression();
    let step: Expr | null = null;
    if (this.eatOp(":")) step = this.isOp("]") || this.isOp(",") ? null : this.expression();
    return { type: "Slice", lower, upper, step, lineno: line, col_offset: col };
  }
  private compFor(): Comprehension[] {
    const gens: Comprehension[] = [];
    while (this.isKw("for") || this.isKw("async")) {
      if (this.isKw("async")) throw new Unsupported("async comprehension", this.tline);
      this.next();
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
    const line = this.tline, col = this.tcol;
    const v = this.value;
    switch (this.type) {
      case NAME: {
        if (!this.kw) {
          this.next();
          return { type: "Name", id: v, ctx: "Load", lineno: line, col_offset: col };
        }
        if (v === "None") { this.next(); return { type: "Constant", value: { kind: "None" }, lineno: line, col_offset: col }; }
        if (v === "True" || v === "False") { this.next(); return { type: "Constant", value: { kind: "bool", v: v === "True" }, lineno: line, col_offset: col }; }
        if (v === "yield") throw new Unsupported("yield", line);
        return this.raise();
      }
      case NUMBER: {
        const value = parseNumber(v, line, col);
        this.next();
        return { type: "Constant", value, lineno: line, col_offset: col };
      }
      case STRING: return this.strings();
      case OP: break;
      default: this.raise();
    }
    if (v === "...") { this.next(); return { type: "Constant", value: { kind: "Ellipsis" }, lineno: line, col_offset: col }; }
    if (v === "(") {
      this.next();
      if (this.eatOp(")")) return { type: "Tuple", elts: [], ctx: "Load", lineno: line, col_offset: col };
      if (this.isKw("yield")) throw new Unsupported("yield", line);
      const first = this.starExpr();
      if (this.isKw("for")) {
        const g: Expr = { type: "GeneratorExp", elt: first, generators: this.compFor(), lineno: line, col_offset: col };
        this.expectOp(")");
        return g;
      }
      if (this.eatOp(")")) {
        if (first.type === "Starred") this.raiseAt(line, col, "cannot use starred expression here");
        return first;
      }
      const elts = [first];
      while (this.eatOp(",")) {
        if (this.isOp(")")) break;
        elts.push(this.starExpr());
      }
      this.expectOp(")");
      return { type: "Tuple", elts, ctx: "Load", lineno: line, col_offset: col };
    }
    if (v === "[") {
      this.next();
      if (this.eatOp("]")) return { type: "List", elts: [], ctx: "Load", lineno: line, col_offset: col };
      const first = this.starExpr();
      if (this.isKw("for")) {
        const g: Expr = { type: "ListComp", elt: first, generators: this.compFor(), lineno: line, col_offset: col };
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
      return { type: "List", elts, ctx: "Load", lineno: line, col_offset: col };
    }
    if (v === "{") {
      this.next();
      if (this.eatOp("}")) return { type: "Dict", keys: [], values: [], lineno: line, col_offset: col };
      if (this.isOp("**")) throw new Unsupported("dict unpacking", line);
      const first = this.starExpr();
      if (this.eatOp(":")) {
        const dv = this.expression();
        if (this.isKw("for")) {
          const g: Expr = { type: "DictComp", key: first, value: dv, generators: this.compFor(), lineno: line, col_offset: col };
          this.expectOp("}");
          return g;
        }
        const keys: (Expr | null)[] = [first];
        const values = [dv];
        while (this.eatOp(",")) {
          if (this.isOp("}")) break;
          if (this.isOp("**")) throw new Unsupported("dict unpacking", line);
          keys.push(this.expression());
          this.expectOp(":");
          values.push(this.expression());
        }
        this.expectOp("}");
        return { type: "Dict", keys, values, lineno: line, col_offset: col };
      }
      if (this.isKw("for")) {
        const g: Expr = { type: "SetComp", elt: first, generators: this.compFor(), lineno: line, col_offset: col };
        this.expectOp("}");
        return g;
      }
      const elts = [first];
      while (this.eatOp(",")) {
        if (this.isOp("}")) break;
        elts.push(this.starExpr());
      }
      this.expectOp("}");
      return { type: "Set", elts, lineno: line, col_offset: col };
    }
    return this.raise();
  }

  /** Adjacent string literals concatenate; any f-string part makes the whole a JoinedStr. */
  private strings(): Expr {
    const line = this.tline, col = this.tcol;
    // the usual case: one plain string literal
    if (this.prefix === "") {
      const v = this.value;
      this.next();
      if (this.type !== STRING) return { type: "Constant", value: { kind: "str", v }, lineno: line, col_offset: col };
      return this.stringParts(line, col, [{ type: "Constant", value: { kind: "str", v }, lineno: line, col_offset: col }], false, false);
    }
    return this.stringParts(line, col, [], false, false);
  }
  private stringParts(line: number, col: number, parts: Expr[], isF: boolean, isBytes: boolean): Expr {
    while (this.type === STRING) {
      const prefix = this.prefix, value = this.value, sline = this.tline, scol = this.tcol;
      this.next();
      if (prefix === "b") isBytes = true;
      if (prefix === "f" || prefix === "fr") {
        isF = true;
        parseFString(value, prefix === "fr", sline, scol, parts);
      } else parts.push({ type: "Constant", value: { kind: "str", v: value }, lineno: sline, col_offset: scol });
    }
    if (isBytes) throw new Unsupported("bytes literal", line);
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
      return only && only.type === "Constant" ? { ...only, lineno: line, col_offset: col } : { type: "Constant", value: { kind: "str", v: "" }, lineno: line, col_offset: col };
    }
    return { type: "JoinedStr", values: merged.filter(nonEmptyPart), lineno: line, col_offset: col };
  }

  /** The `{expr}` of an f-string: one expression, wrapped in parentheses as CPython does. */
  static fStringExpr(exprSrc: string, line: number): Expr {
    const inner = new Parser("(" + exprSrc.replace(/\n/g, " ") + ")\n");
    try {
      const value = inner.expression();
      inner.drain();
      return value;
    } catch (e) {
      let err = e;
      try { inner.drain(); } catch (lexical) { err = lexical; }
      if (err instanceof PySyntaxError) throw new Unsupported("f-string syntax error", line);
      throw err;
    }
  }
}

function nonEmptyPart(p: Expr): boolean {
  return !(p.type === "Constant" && p.value.kind === "str" && p.value.v === "");
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

function parseNumber(v: string, line: number, col: number): ConstValue {
  // plain decimal digits, no leading zero, exact as a double: no regex, no BigInt parsing
  if (v.length <= 15 && (v.length === 1 || v.charCodeAt(0) !== 48)) {
    let n = 0; // the value, read as the digits are checked (at most 15 digits: exact)
    for (let i = 0; i < v.length; i++) {
      const k = v.charCodeAt(i);
      if (k < 48 || k > 57) { n = -1; break; }
      n = n * 10 + (k - 48);
    }
    if (n >= 0) return { kind: "int", v: n < SMALL_BIGINTS.length ? SMALL_BIGINTS[n] : BigInt(n) };
  }
  const s = v.replace(/_/g, "");
  if (/[jJ]$/.test(s)) throw new Unsupported("complex numbers", line);
  if (/^0[xX]/.test(s)) return { kind: "int", v: BigInt(s) };
  if (/^0[oO]/.test(s)) return { kind: "int", v: BigInt("0o" + s.slice(2)) };
  if (/^0[bB]/.test(s)) return { kind: "int", v: BigInt("0b" + s.slice(2)) };
  if (/[.eE]/.test(s)) return { kind: "float", v: Number(s) };
  if (/^0+[1-9]/.test(s)) throw new PySyntaxError("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", line, col + 1);
  return { kind: "int", v: BigInt(s) };
}

/** A literal part of an f-string, decoded unless raw. */
function pushLiteral(out: Expr[], lit: string, raw: boolean, line: number, col: number): void {
  if (lit) out.push({ type: "Constant", value: { kind: "str", v: raw ? lit : decodeEscapes(lit, line, col) }, lineno: line, col_offset: col });
}

/** Split an f-string body into constant parts and FormattedValue parts, appended to out. */
function parseFString(body: string, raw: boolean, line: number, col: number, out: Expr[]): void {
  let lit = "";
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === "{" && body[i + 1] === "{") { lit += "{"; i += 2; continue; }
    if (c === "}" && body[i + 1] === "}") { lit += "}"; i += 2; continue; }
    if (c === "}") throw new Unsupported("f-string syntax error", line);
    if (c !== "{") { lit += c; i++; continue; }
    pushLiteral(out, lit, raw, line, col);
    lit = "";
    // find the end of the expression part, respecting nesting and strings
    let depth = 0;
    let j = i + 1;
    let quote = "";
    let conv: -1 | 114 | 115 | 97 = -1;
    for (; j < body.length; j++) {
      const d = body[j];
      if (quote) { if (d === quote) quote = ""; continue; }
      if (d === "'" || d === '"') { quote = d; continue; }
      if (d === "(" || d === "[" || d === "{") depth++;
      else if (d === ")" || d === "]") depth--;
      else if (d === "}" && depth > 0) depth--;
      else if (depth === 0 && (d === "}" || d === ":" || (d === "!" && body[j + 1] !== "="))) break;
      else if (depth === 0 && d === "=" && body[j + 1] !== "=" && !"=!<>".includes(body[j - 1])) throw new Unsupported("f-string '=' specifier", line);
    }
    const exprSrc = body.slice(i + 1, j);
    if (!exprSrc.trim()) throw new Unsupported("f-string syntax error", line);
    if (body[j] === "!") {
      const cc = body[j + 1];
      if (cc === "r") conv = 114;
      else if (cc === "s") conv = 115;
      else if (cc === "a") conv = 97;
      else throw new Unsupported("f-string syntax error", line);
      j += 2;
    }
    let spec: Expr | null = null;
    if (body[j] === ":") {
      const specStart = j + 1;
      let k = specStart;
      let d2 = 0;
      for (; k < body.length; k++) {
        if (body[k] === "{") d2++;
        else if (body[k] === "}") { if (d2 === 0) break; d2--; }
      }
      const specText = body.slice(specStart, k);
      if (specText.includes("{")) throw new Unsupported("nested f-string format spec", line);
      spec = { type: "JoinedStr", values: specText ? [{ type: "Constant", value: { kind: "str", v: specText }, lineno: line, col_offset: col }] : [], lineno: line, col_offset: col };
      j = k;
    }
    if (body[j] !== "}") throw new Unsupported("f-string syntax error", line);
    const value = Parser.fStringExpr(exprSrc, line);
    out.push({ type: "FormattedValue", value: shiftLines(value, line - 1), conversion: conv, format_spec: spec, lineno: line, col_offset: col });
    i = j + 1;
  }
  pushLiteral(out, lit, raw, line, col);
}

function shiftLines(e: Expr, by: number): Expr {
  // f-string sub-expressions report the line of the string; only the outer node's line is used.
  return { ...e, lineno: e.lineno + by };
}
