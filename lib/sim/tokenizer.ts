// Tokenizer for the Python subset. Like CPython's tokenizer it tracks an indentation stack to emit
// INDENT/DEDENT, joins lines implicitly inside brackets and explicitly after a backslash, and drops
// comments and blank lines. String literals are decoded here; f-strings keep their raw body so the
// parser can parse the `{expr}` parts with a nested tokenizer.

export type TokKind = "NAME" | "NUMBER" | "STRING" | "OP" | "NEWLINE" | "INDENT" | "DEDENT" | "ENDMARKER";

export interface Token {
  kind: TokKind;
  value: string;
  line: number; // 1-based
  col: number; // 0-based
  /** For STRING: "f" when an f-string (value is the raw body), "b" for bytes. */
  prefix?: string;
}

/** A SyntaxError (or IndentationError) of the learner's program, with CPython's position. */
export class PySyntaxError extends Error {
  constructor(public readonly msg: string, public readonly lineno: number, public readonly col: number, public readonly errType: "SyntaxError" | "IndentationError" = "SyntaxError") {
    const limit = Error.stackTraceLimit; // the learner's error: no JS stack trace to capture
    Error.stackTraceLimit = 0;
    super(`${errType}: ${msg} (${lineno}:${col})`);
    Error.stackTraceLimit = limit;
  }
}

/** A construct outside the modelled subset: the simulator refuses rather than guess. */
export class Unsupported extends Error {
  constructor(public readonly what: string, public readonly lineno: number) {
    super(`unsupported: ${what} (line ${lineno})`);
  }
}

/** Every operator of two or three characters (tokenizer.test.ts checks the scanner against it). */
export const MULTI_CHAR_OPS = ["**=", "//=", ">>=", "<<=", "...", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", ":=", "@="];

// Token types as small integers: the parser compares them on every token.
// Typed as number, not as literals: TypeScript would otherwise narrow `this.type` across next().
export const NAME: number = 1, NUMBER: number = 2, STRING: number = 3, OP: number = 4, NEWLINE: number = 5, INDENT: number = 6, DEDENT: number = 7, ENDMARKER: number = 8;
// What scanRare did: produced a token, wants the loop to go round, or left a token to scan at pos.
const EMITTED = 0, AGAIN = 1, TOKEN = 2;
const KIND_NAMES: TokKind[] = ["ENDMARKER", "NAME", "NUMBER", "STRING", "OP", "NEWLINE", "INDENT", "DEDENT", "ENDMARKER"];

/** A number literal that is not plain digits, matched in place (sticky) rather than on a slice. */
const NUMBER_RE = /0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?[jJ]?/y;

/**
 * Python's keywords by first letter. A NAME token that is a keyword carries the literal below as
 * its value, so the parser's `value === "if"` compares two internalized strings.
 */
const KEYWORDS_BY_FIRST: (string[] | undefined)[] = [];
for (const kw of ["False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"]) {
  (KEYWORDS_BY_FIRST[kw.charCodeAt(0)] ??= []).push(kw);
}

// Character classes by char code: no regex per character.
/** 1 for the ASCII characters that continue an identifier (letters, digits, '_'); every non-ASCII character does too. */
const ID_CHAR = new Uint8Array(128);
for (let k = 0; k < 128; k++) ID_CHAR[k] = (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || k === 95 || (k >= 48 && k <= 57) ? 1 : 0;
function isIdStartCode(k: number): boolean {
  return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || k === 95 || k > 127;
}
function isIdCharCode(k: number): boolean {
  return isIdStartCode(k) || (k >= 48 && k <= 57);
}
/** r, b, f, u in either case: the letters a string prefix is made of. */
function isPrefixCode(k: number): boolean {
  switch (k) {
    case 114: case 82: case 98: case 66: case 102: case 70: case 117: case 85: return true;
    default: return false;
  }
}
function isQuoteCode(k: number): boolean { return k === 39 || k === 34; }
/** Length of the string prefix at i when a string literal starts there (as /^([rRbBfFuU]{0,2})(['"])/), else -1. */
function stringPrefixLength(src: string, i: number): number {
  const k0 = src.charCodeAt(i);
  if (isQuoteCode(k0)) return 0;
  if (!isPrefixCode(k0)) return -1;
  const k1 = src.charCodeAt(i + 1);
  if (isQuoteCode(k1)) return 1;
  if (isPrefixCode(k1) && isQuoteCode(src.charCodeAt(i + 2))) return 2;
  return -1;
}
/** Characters that can continue a number literal after its first digits: . _ e E j J x X o O b B. */
function isNumberTailCode(k: number): boolean {
  switch (k) {
    case 46: case 95: case 101: case 69: case 106: case 74: case 120: case 88: case 111: case 79: case 98: case 66: return true;
    default: return false;
  }
}

/**
 * The operator starting at i (longest first: three characters, then two, then one), or "" when the
 * character starts none. Every result is a string literal, so the parser compares internalized strings.
 */
function readOp(src: string, i: number): string {
  const c = src.charCodeAt(i);
  const c1 = src.charCodeAt(i + 1);
  const eq1 = c1 === 61; // '='
  switch (c) {
    case 42: return c1 === 42 ? (src.charCodeAt(i + 2) === 61 ? "**=" : "**") : eq1 ? "*=" : "*";
    case 47: return c1 === 47 ? (src.charCodeAt(i + 2) === 61 ? "//=" : "//") : eq1 ? "/=" : "/";
    case 62: return c1 === 62 ? (src.charCodeAt(i + 2) === 61 ? ">>=" : ">>") : eq1 ? ">=" : ">";
    case 60: return c1 === 60 ? (src.charCodeAt(i + 2) === 61 ? "<<=" : "<<") : eq1 ? "<=" : "<";
    case 46: return c1 === 46 && src.charCodeAt(i + 2) === 46 ? "..." : ".";
    case 61: return eq1 ? "==" : "=";
    case 33: return eq1 ? "!=" : "!";
    case 43: return eq1 ? "+=" : "+";
    case 45: return eq1 ? "-=" : c1 === 62 ? "->" : "-";
    case 37: return eq1 ? "%=" : "%";
    case 38: return eq1 ? "&=" : "&";
    case 124: return eq1 ? "|=" : "|";
    case 94: return eq1 ? "^=" : "^";
    case 58: return eq1 ? ":=" : ":";
    case 64: return eq1 ? "@=" : "@";
    case 126: return "~";
    case 40: return "(";
    case 41: return ")";
    case 91: return "[";
    case 93: return "]";
    case 123: return "{";
    case 125: return "}";
    case 44: return ",";
    case 59: return ";";
    default: return "";
  }
}

/**
 * A single-pass scanner over char codes that produces one token per `next()` (Acorn's technique):
 * the current token lives in a few fields (type, value, tline, tcol, prefix), with at most one
 * token of lookahead buffered by `peek()`. The parser extends it. A program with a lexical error
 * gives that error whatever its grammar, as a tokenizer that ran first would: `drain()` scans the
 * rest of the input after the parser fails, so a later lexical error still wins.
 */
export class Scanner {
  // the current token
  type: number = ENDMARKER;
  value = "";
  tline = 1;
  tcol = 0;
  /** For STRING: "f" or "fr" for an f-string (value is the raw body), "b" for bytes, else "". */
  prefix = "";
  /** Whether the current token is a NAME that is one of Python's keywords. */
  kw = false;
  // one token of lookahead, valid when hasAhead
  hasAhead = false;
  aType: number = ENDMARKER;
  aValue = "";
  aLine = 1;
  aCol = 0;
  aPrefix = "";
  aKw = false;
  // scanning state
  protected readonly src: string;
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private atLineStart = true;
  private indents: number[] = [0];
  /** Bracket nesting, and each open bracket as three numbers: char code, line, column. */
  private depth = 0;
  private open: number[] = [];
  private emitted = false;
  private lastType = 0;
  private pendingDedents = 0;
  private dedentLine = 0;
  private dedentCol = 0;
  private atEof = false;
  /** Set once scanning has thrown: the input has a lexical error and there is nothing more to scan. */
  failed = false;

  constructor(src: string) {
    this.src = src;
  }

  /** Advance to the next token. */
  next(): void {
    if (this.hasAhead) {
      this.hasAhead = false;
      this.type = this.aType; this.value = this.aValue; this.tline = this.aLine; this.tcol = this.aCol; this.prefix = this.aPrefix; this.kw = this.aKw;
      return;
    }
    try {
      this.scan();
    } catch (e) {
      this.failed = true;
      throw e;
    }
  }

  /** Fill the lookahead fields (aType, aValue...) with the token after the current one. */
  peek(): void {
    if (this.hasAhead) return;
    const type = this.type, value = this.value, line = this.tline, col = this.tcol, prefix = this.prefix, kw = this.kw;
    this.next();
    this.aType = this.type; this.aValue = this.value; this.aLine = this.tline; this.aCol = this.tcol; this.aPrefix = this.prefix; this.aKw = this.kw;
    this.type = type; this.value = value; this.tline = line; this.tcol = col; this.prefix = prefix; this.kw = kw;
    this.hasAhead = true;
  }

  /** Scan the rest of the input, for its lexical errors only. */
  drain(): void {
    if (this.failed) return;
    while (this.type !== ENDMARKER || this.hasAhead) this.next();
  }

  /** A copy of the whole scanning state (own fields only), for the rare lookahead of more than one token. */
  protected save(): this {
    const s = { ...this };
    s.indents = this.indents.slice(); s.open = this.open.slice();
    return s;
  }
  protected restore(s: this): void {
    Object.assign(this, s);
  }

  private emit(type: number, value: string, line: number, col: number): void {
    this.type = type; this.value = value; this.tline = line; this.tcol = col; this.prefix = ""; this.kw = false;
    this.emitted = true;
    this.lastType = type;
  }

  private scan(): void {
    const src = this.src;
    const n = src.length;
    for (;;) {
      // the rare states (DEDENTs owed, the end of the input, the start of a logical line) out of line
      if (this.pendingDedents > 0 || this.atEof || this.pos >= n || (this.atLineStart && this.depth === 0)) {
        const r = this.scanRare();
        if (r === EMITTED) return;
        if (r === AGAIN) continue;
      }
      let i = this.pos;
      let c = src.charCodeAt(i);
      if (c === 32) { // the usual gap between tokens, skipped here rather than once round the loop per space
        do c = src.charCodeAt(++i); while (c === 32);
        if (i >= n) { this.pos = i; continue; }
      }
      if (c === 9 || c === 12 || c === 13) { this.pos = i + 1; continue; }
      if (c === 35) { // '#'
        while (i < n && src.charCodeAt(i) !== 10) i++;
        this.pos = i;
        continue;
      }
      if (c === 92 && src.charCodeAt(i + 1) === 10) { this.pos = i + 2; this.line++; this.lineStart = i + 2; continue; }
      if (c === 10) {
        const emits = this.depth === 0;
        if (emits) {
          this.emit(NEWLINE, "", this.line, i - this.lineStart);
          this.atLineStart = true;
        }
        this.pos = i + 1; this.line++; this.lineStart = i + 1;
        if (emits) return;
        continue;
      }
      const col = i - this.lineStart;
      if (c === 39 || c === 34 || isPrefixCode(c)) {
        const pl = stringPrefixLength(src, i);
        if (pl >= 0) { this.readString(i, pl, col); return; }
      }
      if (isIdStartCode(c)) {
        let j = i + 1;
        while (j < n) {
          const k = src.charCodeAt(j);
          if (k < 128 && ID_CHAR[k] === 0) break;
          j++;
        }
        this.pos = j;
        const kw = this.keyword(i, j);
        if (kw === "") this.emit(NAME, src.slice(i, j), this.line, col);
        else { this.emit(NAME, kw, this.line, col); this.kw = true; }
        return;
      }
      const c1 = src.charCodeAt(i + 1);
      if ((c >= 48 && c <= 57) || (c === 46 && c1 >= 48 && c1 <= 57)) { this.readNumber(i, col); return; }
      this.readOperator(i, c, col);
      return;
    }
  }

  /**
   * DEDENTs owed, the end of the input, or the indentation at the start of a logical line:
   * EMITTED when a token was produced, AGAIN to go round the scanning loop, TOKEN to scan the
   * token at pos.
   */
  private scanRare(): number {
    if (this.pendingDedents > 0) {
      this.pendingDedents--;
      this.emit(DEDENT, "", this.dedentLine, this.dedentCol);
      return EMITTED;
    }
    if (this.atEof) { this.emit(ENDMARKER, "", this.line + 1, 0); return EMITTED; }
    const src = this.src;
    const n = src.length;
    const i = this.pos;
    if (i >= n) return this.finish() ? EMITTED : AGAIN;
    // measure indentation
    let col = 0;
    let j = i;
    let k = src.charCodeAt(j);
    while (k === 32 || k === 9) {
      col = k === 9 ? (Math.floor(col / 8) + 1) * 8 : col + 1;
      k = src.charCodeAt(++j);
    }
    if (j >= n) { this.pos = j; return AGAIN; }
    if (k === 10 || k === 35 || k === 13) {
      // blank or comment-only line: no tokens
      while (j < n && src.charCodeAt(j) !== 10) j++;
      this.pos = j + 1;
      this.line++;
      this.lineStart = this.pos;
      return AGAIN;
    }
    if (k === 92 && src.charCodeAt(j + 1) === 10) {
      this.pos = j + 2; this.line++; this.lineStart = this.pos; return AGAIN;
    }
    this.pos = j;
    this.atLineStart = false;
    const indents = this.indents;
    const top = indents[indents.length - 1];
    if (col > top) {
      if (!this.emitted) throw new PySyntaxError("unexpected indent", this.line, col);
      indents.push(col);
      this.emit(INDENT, "", this.line, 0);
      return EMITTED;
    }
    if (col < top) {
      let dedents = 0;
      while (col < indents[indents.length - 1]) { indents.pop(); dedents++; }
      if (col !== indents[indents.length - 1]) {
        throw new PySyntaxError("unindent does not match any outer indentation level", this.line, col, "IndentationError");
      }
      this.pendingDedents = dedents;
      this.dedentLine = this.line;
      this.dedentCol = col;
      return AGAIN;
    }
    return TOKEN;
  }

  /** An operator or bracket at i (c is its first character), keeping the bracket stack. */
  private readOperator(i: number, c: number, col: number): void {
    const op = readOp(this.src, i);
    if (!op) throw new PySyntaxError("invalid character '" + this.src[i] + "'", this.line, col);
    if (op === "!") throw new PySyntaxError("invalid syntax", this.line, col);
    if (c === 40 || c === 91 || c === 123) { // ( [ {
      const o = 3 * this.depth++;
      this.open[o] = c; this.open[o + 1] = this.line; this.open[o + 2] = col;
    } else if (c === 41 || c === 93 || c === 125) { // ) ] }
      if (this.depth === 0) throw new PySyntaxError(`unmatched '${op}'`, this.line, col);
      const o = 3 * --this.depth;
      const open = this.open[o];
      const openLine = this.open[o + 1];
      if (open !== (c === 41 ? 40 : c === 93 ? 91 : 123)) {
        throw new PySyntaxError(`closing parenthesis '${op}' does not match opening parenthesis '${String.fromCharCode(open)}'${openLine !== this.line ? ` on line ${openLine}` : ""}`, this.line, col);
      }
    }
    this.pos = i + op.length;
    this.emit(OP, op, this.line, col);
  }

  /** The end of the input: unclosed brackets, the last NEWLINE, DEDENTs, then ENDMARKER. Returns whether a token was emitted. */
  private finish(): boolean {
    if (this.depth > 0) {
      const o = 3 * (this.depth - 1);
      throw new PySyntaxError(`'${String.fromCharCode(this.open[o])}' was never closed`, this.open[o + 1], this.open[o + 2]);
    }
    this.atEof = true;
    this.pendingDedents = this.indents.length - 1;
    this.dedentLine = this.line + 1;
    this.dedentCol = 0;
    if (this.emitted && this.lastType !== NEWLINE && this.lastType !== DEDENT) {
      this.emit(NEWLINE, "", this.line, this.pos - this.lineStart);
      return true;
    }
    return false;
  }

  /** The keyword literal when src[i, j) is a keyword, else "". */
  private keyword(i: number, j: number): string {
    const kws = KEYWORDS_BY_FIRST[this.src.charCodeAt(i)];
    if (kws !== undefined) {
      const len = j - i;
      for (let k = 0; k < kws.length; k++) {
        const kw = kws[k];
        if (kw.length === len && this.src.startsWith(kw, i)) return kw;
      }
    }
    return "";
  }

  private readNumber(i: number, col: number): void {
    const src = this.src;
    const n = src.length;
    // plain digits (the usual case) without the regex; anything else (., _, e, j, 0x...) through it
    let d = i;
    while (d < n && src.charCodeAt(d) >= 48 && src.charCodeAt(d) <= 57) d++;
    let end: number;
    if (d > i && !isNumberTailCode(src.charCodeAt(d))) end = d;
    else {
      NUMBER_RE.lastIndex = i;
      const m = NUMBER_RE.exec(src);
      end = i + (m ? m[0].length : 1);
    }
    if (end < n && isIdCharCode(src.charCodeAt(end))) throw new Unsupported("a number followed directly by a name", this.line);
    this.pos = end;
    this.emit(NUMBER, src.slice(i, end), this.line, col);
  }

  private readString(i: number, pl: number, col: number): void {
    const src = this.src;
    const n = src.length;
    const prefix = pl === 0 ? "" : src.slice(i, i + pl).toLowerCase();
    const hasF = pl > 0 && prefix.includes("f");
    if (pl > 0 && ((prefix.includes("b") && hasF) || (prefix.includes("u") && pl > 1))) throw new PySyntaxError("invalid syntax", this.line, i - this.lineStart);
    const q = src.charCodeAt(i + pl);
    let j = i + pl + 1;
    const triple = src.charCodeAt(j) === q && src.charCodeAt(j + 1) === q;
    if (triple) j += 2;
    const startLine = this.line;
    // the body is the source text between the quotes, escapes kept as written
    const bodyStart = j;
    let bodyEnd: number;
    let escapes = false;
    for (;;) {
      if (j >= n) {
        if (triple) throw new PySyntaxError(`unterminated triple-quoted string literal (detected at line ${this.line})`, startLine, col);
        throw new PySyntaxError(`unterminated string literal (detected at line ${startLine})`, startLine, col);
      }
      const d = src.charCodeAt(j);
      if (d === 10 && !triple) throw new PySyntaxError(`unterminated string literal (detected at line ${startLine})`, startLine, col);
      if (d === 92) {
        escapes = true;
        if (src.charCodeAt(j + 1) === 10) { this.line++; this.lineStart = j + 2; }
        j += 2;
        continue;
      }
      if (d === q && (!triple || (src.charCodeAt(j + 1) === q && src.charCodeAt(j + 2) === q))) {
        bodyEnd = j;
        j += triple ? 3 : 1;
        break;
      }
      if (d === 10) { this.line++; this.lineStart = j + 1; }
      j++;
    }
    const body = src.slice(bodyStart, bodyEnd);
    this.pos = j;
    if (hasF && unclosedBrace(body)) throw new Unsupported("nested f-string quotes", startLine);
    const raw = pl > 0 && prefix.includes("r");
    if (hasF) {
      this.emit(STRING, body, startLine, col);
      this.prefix = raw ? "fr" : "f";
    } else {
      this.emit(STRING, raw || !escapes ? body : decodeEscapes(body, startLine, col), startLine, col);
      this.prefix = pl > 0 && prefix.includes("b") ? "b" : "";
    }
  }
}

/** A '{' with no '}' after it (as /\{[^}]*$/): an f-string cut short by a nested quote. */
function unclosedBrace(body: string): boolean {
  const open = body.lastIndexOf("{");
  return open >= 0 && body.indexOf("}", open) < 0;
}

/** Every token of src, as a list (for tests and tools; the parser scans on demand). */
export function tokenize(src: string): Token[] {
  const s = new Scanner(src);
  const toks: Token[] = [];
  do {
    s.next();
    const t: Token = { kind: KIND_NAMES[s.type], value: s.value, line: s.tline, col: s.tcol };
    if (s.type === STRING) t.prefix = s.prefix;
    toks.push(t);
  } while (s.type !== ENDMARKER);
  return toks;
}

/** Decode backslash escapes of a (non-raw) string literal body. */
export function decodeEscapes(body: string, line: number, col: number): string {
  if (!body.includes("\\")) return body;
  let out = "";
  for (let k = 0; k < body.length; k++) {
    const ch = body[k];
    if (ch !== "\\") { out += ch; continue; }
    const e = body[++k];
    switch (e) {
      case "n": out += "\n"; break;
      case "t": out += "\t"; break;
      case "r": out += "\r"; break;
      case "\\": out += "\\"; break;
      case "'": out += "'"; break;
      case '"': out += '"'; break;
      case "0": out += "\0"; break;
      case "a": out += "\x07"; break;
      case "b": out += "\b"; break;
      case "f": out += "\f"; break;
      case "v": out += "\v"; break;
      case "\n": break;
      case "x": {
        const h = body.slice(k + 1, k + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(h)) throw new PySyntaxError("(unicode error) 'unicodeescape' codec can't decode bytes", line, col);
        out += String.fromCharCode(parseInt(h, 16));
        k += 2;
        break;
      }
      case "u": {
        const h = body.slice(k + 1, k + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(h)) throw new PySyntaxError("(unicode error) 'unicodeescape' codec can't decode bytes", line, col);
        out += String.fromCharCode(parseInt(h, 16));
        k += 4;
        break;
      }
      default:
        // unknown escapes are kept verbatim (CPython warns, but keeps them)
        throw new Unsupported("string escape \\" + e, line);
    }
  }
  return out;
}
