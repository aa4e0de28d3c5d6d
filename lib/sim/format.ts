// Exact text of CPython's repr() for floats and strings, and the subset of format-spec
// mini-language we model. Anything outside it throws Unsupported rather than print a near miss.

import { Unsupported } from "./tokenizer";

/** float.__repr__: shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const exp = x.toExponential(); // shortest digits, e.g. "1.2345e+2"
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exp);
  if (!m) return String(x);
  const sign = m[1];
  const digits = m[2] + (m[3] ?? "");
  const e = parseInt(m[4], 10);
  if (e < -4 || e >= 16) {
    const mant = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    const es = (e < 0 ? "-" : "+") + String(Math.abs(e)).padStart(2, "0");
    return sign + mant + "e" + es;
  }
  if (e >= 0) {
    if (digits.length <= e + 1) return sign + digits + "0".repeat(e + 1 - digits.length) + ".0";
    return sign + digits.slice(0, e + 1) + "." + digits.slice(e + 1);
  }
  return sign + "0." + "0".repeat(-e - 1) + digits;
}

/** str.__repr__ */
export function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c >= 0x80 && c < 0xa0) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c >= 0xa0 && !/\p{L}|\p{N}|\p{P}|\p{S}/u.test(ch)) throw new Unsupported("repr of non-printable character", 0);
    else out += ch;
  }
  return out + q;
}

interface Spec { fill: string; align: string; sign: string; alt: boolean; zero: boolean; width: number; comma: string; precision: number | null; type: string }

function parseSpec(spec: string, line: number): Spec {
  const m = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/s.exec(spec);
  if (!m) throw new Unsupported(`format spec '${spec}'`, line);
  return { fill: m[1] ?? (m[5] && !m[2] ? "0" : " "), align: m[2] ?? (m[5] && !m[2] ? "=" : ""), sign: m[3] ?? "-", alt: !!m[4], zero: !!m[5], width: m[6] ? parseInt(m[6], 10) : 0, comma: m[7] ?? "", precision: m[8] !== undefined ? parseInt(m[8], 10) : null, type: m[9] ?? "" };
}

function pad(body: string, sp: Spec, defaultAlign: string): string {
  const align = sp.align || defaultAlign;
  if (body.length >= sp.width) return body;
  const n = sp.width - body.length;
  if (align === "<") return body + sp.fill.repeat(n);
  if (align === ">") return sp.fill.repeat(n) + body;
  if (align === "^") return sp.fill.repeat(Math.floor(n / 2)) + body + sp.fill.repeat(n - Math.floor(n / 2));
  // "=": after the sign
  const signed = /^[+\- ]/.test(body) ? 1 : 0;
  return body.slice(0, signed) + sp.fill.repeat(n) + body.slice(signed);
}

function group(intPart: string, sep: string): string {
  if (!sep) return intPart;
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function withSign(neg: boolean, body: string, sign: string): string {
  if (neg) return "-" + body;
  return (sign === "+" ? "+" : sign === " " ? " " : "") + body;
}

export function formatStr(s: string, spec: string, line: number): string {
  if (!spec) return s;
  const sp = parseSpec(spec, line);
  if (sp.type && sp.type !== "s") throw new Unsupported(`format code '${sp.type}' for str`, line);
  if (sp.align === "=" || sp.sign !== "-" || sp.comma) throw new Unsupported(`format spec '${spec}' for str`, line);
  const body = sp.precision !== null ? s.slice(0, sp.precision) : s;
  return pad(body, sp, "<");
}

export function formatInt(v: bigint, spec: string, line: number): string {
  if (!spec) return v.toString();
  const sp = parseSpec(spec, line);
  const neg = v < 0n;
  const a = neg ? -v : v;
  let body: string;
  switch (sp.type) {
    case "": case "d": case "n":
      if (sp.precision !== null) throw new Unsupported("precision in int format", line);
      body = group(a.toString(), sp.comma); break;
    case "x": body = (sp.alt ? "0x" : "") + a.toString(16); break;
    case "X": body = (sp.alt ? "0X" : "") + a.toString(16).toUpperCase(); break;
    case "o": body = (sp.alt ? "0o" : "") + a.toString(8); break;
    case "b": body = (sp.alt ? "0b" : "") + a.toString(2); break;
    case "e": case "E": case "f": case "F": case "g": case "G": case "%":
      return formatFloat(Number(v), spec, line);
    default: throw new Unsupported(`format code '${sp.type}' for int`, line);
  }
  return pad(withSign(neg, body, sp.sign), sp, ">");
}

export function formatFloat(x: number, spec: string, line: number): string {
  if (!spec) return floatRepr(x);
  const sp = parseSpec(spec, line);
  if (!Number.isFinite(x)) throw new Unsupported("formatting inf/nan", line);
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let body: string;
  const p = sp.precision ?? 6;
  switch (sp.type) {
    case "f": case "F": {
      if (p > 20) throw new Unsupported("float precision > 20", line);
      body = a.toFixed(p);
      const [ip, fp] = body.split(".");
      body = group(ip, sp.comma) + (fp !== undefined ? "." + fp : sp.alt ? "." : "");
      break;
    }
    case "%": {
      body = (a * 100).toFixed(p) + "%";
      break;
    }
    case "e": case "E": {
      const s = a.toExponential(p);
      const m = /^([\d.]+)e([+-])(\d+)$/.exec(s);
      if (!m) throw new Unsupported("float format", line);
      body = m[1] + "e" + m[2] + m[3].padStart(2, "0");
      if (sp.type === "E") body = body.toUpperCase();
      break;
    }
    case "": {
      if (sp.precision === null) { body = floatRepr(a); if (sp.comma) { const [ip, fp] = body.split("."); body = group(ip, sp.comma) + (fp !== undefined ? "." + fp : ""); } break; }
      throw new Unsupported("float format with precision and no type", line);
    }
    default: throw new Unsupported(`format code '${sp.type}' for float`, line);
  }
  return pad(withSign(neg && !(a === 0 && !Object.is(x, -0)), body, sp.sign), sp, ">");
}
