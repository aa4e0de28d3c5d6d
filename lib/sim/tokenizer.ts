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
    super(`${errType}: ${msg} (${lineno}:${col})`);
  }
}

/** A construct outside the modelled subset: the simulator refuses rather than guess. */
export class Unsupported extends Error {
  constructor(public readonly what: string, public readonly lineno: number) {
    super(`unsupported: ${what} (line ${lineno})`);
  }
}

const OPS3 = ["**=", "//=", ">>=", "<<=", "...", "!="];
const OPS2 = ["**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", ":=", "@="];
const OPS1 = "+-*/%@&|^~<>()[]{},:.;=!";

function isIdStart(c: string): boolean {
  return /[A-Za-z_]/.test(c) || c.charCodeAt(0) > 127;
}
function isIdChar(c: string): boolean {
  return /[A-Za-z0-9_]/.test(c) || c.charCodeAt(0) > 127;
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
  const raise = (msg: string, l = line, c = i - lineStart): never => {
    throw new PySyntaxError(msg, l, c);
  };
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
        if (toks.length === 0) raise("unexpected indent", line, col);
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
    const pm = /^([rRbBfFuU]{0,2})(['"])/.exec(src.slice(i, i + 4));
    if (pm && (pm[1].length === 0 || isIdStart(c))) {
      const prefix = pm[1].toLowerCase();
      if (/[^rbfu]/.test(prefix) || (prefix.includes("b") && prefix.includes("f")) || (prefix.includes("u") && prefix.length > 1)) raise("invalid syntax");
      const q = pm[2];
      let j = i + pm[0].length;
      const triple = src.slice(j, j + 2) === q + q;
      if (triple) j += 2;
      const startLine = line;
      let body = "";
      for (;;) {
        if (j >= n) {
          if (triple) raise(`unterminated triple-quoted string literal (detected at line ${line})`, startLine, col);
          raise(`unterminated string literal (detected at line ${startLine})`, startLine, col);
        }
        const d = src[j];
        if (!triple && d === "\n") raise(`unterminated string literal (detected at line ${startLine})`, startLine, col);
        if (d === "\\") {
          body += d + (src[j + 1] ?? "");
          if (src[j + 1] === "\n") { line++; lineStart = j + 2; }
          j += 2;
          continue;
        }
        if (triple ? src.slice(j, j + 3) === q + q + q : d === q) {
          j += triple ? 3 : 1;
          break;
        }
        if (d === "\n") { line++; lineStart = j + 1; }
        body += d;
        j++;
      }
      i = j;
      if (prefix.includes("f") && /\{[^}]*$/.test(body)) throw new Unsupported("nested f-string quotes", startLine);
      const raw = prefix.includes("r");
      if (prefix.includes("f")) toks.push({ kind: "STRING", value: body, line: startLine, col, prefix: raw ? "fr" : "f" });
      else toks.push({ kind: "STRING", value: raw ? body : decodeEscapes(body, startLine, col), line: startLine, col, prefix: prefix.includes("b") ? "b" : "" });
      continue;
    }
    if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isIdChar(src[j])) j++;
      toks.push({ kind: "NAME", value: src.slice(i, j), line, col });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const m = /^(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?[jJ]?)/.exec(src.slice(i));
      const text = m ? m[0] : c;
      if (isIdChar(src[i + text.length] ?? " ")) throw new Unsupported("a number followed directly by a name", line);
      toks.push({ kind: "NUMBER", value: text, line, col });
      i += text.length;
      continue;
    }
    let op = "";
    for (const cand of OPS3) if (src.startsWith(cand, i)) { op = cand; break; }
    if (!op) for (const cand of OPS2) if (src.startsWith(cand, i)) { op = cand; break; }
    if (!op && OPS1.includes(c)) op = c;
    if (!op) raise("invalid character '" + c + "'");
    if (op === "!") raise("invalid syntax");
    const tok: Token = { kind: "OP", value: op, line, col };
    if ("([{".includes(op)) { depth++; openStack.push(tok); }
    if (")]}".includes(op)) {
      if (depth === 0) raise(`unmatched '${op}'`);
      const open = openStack.pop();
      const want = open?.value === "(" ? ")" : open?.value === "[" ? "]" : "}";
      if (open && want !== op) raise(`closing parenthesis '${op}' does not match opening parenthesis '${open.value}'${open.line !== line ? ` on line ${open.line}` : ""}`);
      depth--;
    }
    toks.push(tok);
    i += op.length;
  }
  if (depth > 0) {
    const open = openStack[openStack.length - 1];
    raise(`'${open?.value ?? "("}' was never closed`, open?.line ?? line, open?.col ?? 0);
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
