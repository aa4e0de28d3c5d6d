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

/** Every operator of two or three characters (tokenizer.test.ts checks the tables below against it). */
export const MULTI_CHAR_OPS = ["**=", "//=", ">>=", "<<=", "...", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", ":=", "@="];
const OPS1 = "+-*/%@&|^~<>()[]{},:.;=!";
const OPS1_SET = new Set(OPS1);
/** A number literal, matched in place (sticky) rather than on a slice of the rest of the source. */
/** Characters that can continue a number literal after its first digits. */
const NUMBER_TAIL = new Set([".", "_", "e", "E", "j", "J", "x", "X", "o", "O", "b", "B"]);
const NUMBER_RE = /0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?[jJ]?/y;

// MULTI_CHAR_OPS by their first character (keys are single characters, so no prototype name can match)
const AUG_DOUBLE: Record<string, string> = { "*": "**=", "/": "//=", ">": ">>=", "<": "<<=" };
const WITH_EQ: Record<string, string> = { "<": "<=", ">": ">=", "=": "==", "!": "!=", "+": "+=", "-": "-=", "*": "*=", "/": "/=", "%": "%=", "&": "&=", "|": "|=", "^": "^=", ":": ":=", "@": "@=" };
const DOUBLE: Record<string, string> = { "*": "**", "/": "//", "<": "<<", ">": ">>" };

// Character classes by char code: the tokenizer runs on every simulated program, so no regex per character.
function isIdStartCode(k: number): boolean {
  return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || k === 95 || k > 127;
}
function isIdCharCode(k: number): boolean {
  return isIdStartCode(k) || (k >= 48 && k <= 57);
}
function isIdChar(c: string): boolean {
  return isIdCharCode(c.charCodeAt(0));
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

export function tokenize(src: string): Token[] {
  const toks: Token[] = [];
  const indents = [0];
  let depth = 0; // bracket nesting
  const openStack: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let atLineStart = true;
  const n = src.length;
  while (i < n) {
    if (atLineStart && depth === 0) {
      // measure indentation
      let col = 0;
      let j = i;
      while (j < n && (src[j] === " " || src[j] === "\t")) {
        col = src[j] === "\t" ? (Math.floor(col / 8) + 1) * 8 : col + 1;
        j++;
      }
      if (j >= n) { i = j; break; }
      if (src[j] === "\n" || src[j] === "#" || src[j] === "\r") {
        // blank or comment-only line: no tokens
        while (j < n && src[j] !== "\n") j++;
        i = j + 1;
        line++;
        lineStart = i;
        continue;
      }
      if (src[j] === "\\" && src[j + 1] === "\n") {
        i = j + 2; line++; lineStart = i; continue;
      }
      i = j;
      atLineStart = false;
      const top = indents[indents.length - 1];
      if (col > top) {
        if (toks.length === 0) throw new PySyntaxError("unexpected indent", line, col);
        indents.push(col);
        toks.push({ kind: "INDENT", value: "", line, col: 0 });
      } else if (col < top) {
        while (col < indents[indents.length - 1]) {
          indents.pop();
          toks.push({ kind: "DEDENT", value: "", line, col });
        }
        if (col !== indents[indents.length - 1]) {
          throw new PySyntaxError("unindent does not match any outer indentation level", line, col, "IndentationError");
        }
      }
    }
    const c = src[i];
    if (c === " " || c === "\t" || c === "\f" || c === "\r") { i++; continue; }
    if (c === "#") { while (i < n && src[i] !== "\n") i++; continue; }
    if (c === "\\" && src[i + 1] === "\n") { i += 2; line++; lineStart = i; continue; }
    if (c === "\n") {
      if (depth === 0) {
        toks.push({ kind: "NEWLINE", value: "", line, col: i - lineStart });
        atLineStart = true;
      }
      i++; line++; lineStart = i;
      continue;
    }
    const col = i - lineStart;
    // string literal with optional prefix
    const pl = stringPrefixLength(src, i);
    if (pl >= 0) {
      const prefix = pl === 0 ? "" : src.slice(i, i + pl).toLowerCase();
      if ((prefix.includes("b") && prefix.includes("f")) || (prefix.includes("u") && prefix.length > 1)) throw new PySyntaxError("invalid syntax", line, i - lineStart);
      const q = src[i + pl];
      let j = i + pl + 1;
      const triple = src[j] === q && src[j + 1] === q;
      if (triple) j += 2;
      const startLine = line;
      // the body is the source text between the quotes, escapes kept as written
      const bodyStart = j;
      let bodyEnd: number;
      for (;;) {
        if (j >= n) {
          if (triple) throw new PySyntaxError(`unterminated triple-quoted string literal (detected at line ${line})`, startLine, col);
          throw new PySyntaxError(`unterminated string literal (detected at line ${startLine})`, startLine, col);
        }
        const d = src[j];
        if (!triple && d === "\n") throw new PySyntaxError(`unterminated string literal (detected at line ${startLine})`, startLine, col);
        if (d === "\\") {
          if (src[j + 1] === "\n") { line++; lineStart = j + 2; }
          j += 2;
          continue;
        }
        if (triple ? d === q && src[j + 1] === q && src[j + 2] === q : d === q) {
          bodyEnd = j;
          j += triple ? 3 : 1;
          break;
        }
        if (d === "\n") { line++; lineStart = j + 1; }
        j++;
      }
      const body = src.slice(bodyStart, bodyEnd);
      i = j;
      if (prefix.includes("f") && /\{[^}]*$/.test(body)) throw new Unsupported("nested f-string quotes", startLine);
      const raw = prefix.includes("r");
      if (prefix.includes("f")) toks.push({ kind: "STRING", value: body, line: startLine, col, prefix: raw ? "fr" : "f" });
      else toks.push({ kind: "STRING", value: raw ? body : decodeEscapes(body, startLine, col), line: startLine, col, prefix: prefix.includes("b") ? "b" : "" });
      continue;
    }
    const code = src.charCodeAt(i);
    if (isIdStartCode(code)) {
      let j = i + 1;
      while (j < n && isIdCharCode(src.charCodeAt(j))) j++;
      toks.push({ kind: "NAME", value: src.slice(i, j), line, col });
      i = j;
      continue;
    }
    const next = src.charCodeAt(i + 1);
    if ((code >= 48 && code <= 57) || (code === 46 && next >= 48 && next <= 57)) {
      // plain digits (the usual case) without the regex; anything else (., _, e, j, 0x...) through it
      let d = i;
      while (d < n && src.charCodeAt(d) >= 48 && src.charCodeAt(d) <= 57) d++;
      let text: string;
      if (d > i && !NUMBER_TAIL.has(src[d])) text = src.slice(i, d);
      else {
        NUMBER_RE.lastIndex = i;
        const m = NUMBER_RE.exec(src);
        text = m ? m[0] : c;
      }
      if (isIdChar(src[i + text.length] ?? " ")) throw new Unsupported("a number followed directly by a name", line);
      toks.push({ kind: "NUMBER", value: text, line, col });
      i += text.length;
      continue;
    }
    // longest operator first (three characters, then two, then one), by character rather than by slicing
    let op = "";
    const c1 = src[i + 1];
    if (c1 === c && src[i + 2] === "=" && AUG_DOUBLE[c] !== undefined) op = AUG_DOUBLE[c];
    else if (c === "." && c1 === "." && src[i + 2] === ".") op = "...";
    else if (c1 === "=" && WITH_EQ[c] !== undefined) op = WITH_EQ[c];
    else if (c1 === c && DOUBLE[c] !== undefined) op = DOUBLE[c];
    else if (c === "-" && c1 === ">") op = "->";
    else if (OPS1_SET.has(c)) op = c;
    if (!op) throw new PySyntaxError("invalid character '" + c + "'", line, i - lineStart);
    if (op === "!") throw new PySyntaxError("invalid syntax", line, i - lineStart);
    const tok: Token = { kind: "OP", value: op, line, col };
    if (op === "(" || op === "[" || op === "{") { depth++; openStack.push(tok); }
    if (op === ")" || op === "]" || op === "}") {
      if (depth === 0) throw new PySyntaxError(`unmatched '${op}'`, line, i - lineStart);
      const open = openStack.pop();
      const want = open?.value === "(" ? ")" : open?.value === "[" ? "]" : "}";
      if (open && want !== op) throw new PySyntaxError(`closing parenthesis '${op}' does not match opening parenthesis '${open.value}'${open.line !== line ? ` on line ${open.line}` : ""}`, line, i - lineStart);
      depth--;
    }
    toks.push(tok);
    i += op.length;
  }
  if (depth > 0) {
    const open = openStack[openStack.length - 1];
    throw new PySyntaxError(`'${open?.value ?? "("}' was never closed`, open?.line ?? line, open?.col ?? 0);
  }
  const last = toks[toks.length - 1];
  if (last && last.kind !== "NEWLINE" && last.kind !== "DEDENT") toks.push({ kind: "NEWLINE", value: "", line, col: i - lineStart });
  while (indents.length > 1) { indents.pop(); toks.push({ kind: "DEDENT", value: "", line: line + 1, col: 0 }); }
  toks.push({ kind: "ENDMARKER", value: "", line: line + 1, col: 0 });
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
