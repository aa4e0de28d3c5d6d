// Dev helper: differential fuzzing of expression-level behaviour (numbers, strings, containers,
// formatting, comparisons) against the real interpreters. usage: npx tsx lib/sim/dev/difffuzz2.ts VERSION COUNT
import fc from "fast-check";
import { argv, compareAll } from "./differential";

const { version: ver, count: n } = argv();
const atom = fc.oneof(
  fc.integer({ min: -300, max: 300 }).map(String), fc.constantFrom("0", "1", "2", "-1", "10**20", "2**31", "7"),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (Number.isInteger(x) ? x + ".0" : String(x))).filter((s) => !s.includes("e")),
  fc.constantFrom("0.1", "1e16", "1e-5", "2.5", "-0.0", "3.0", "1/3"),
  fc.constantFrom("'a'", "'abc'", "''", "'Hello World'", "'x y'", "[1, 2]", "[]", "(1,)", "()", "{1: 2}", "{}", "{1, 2}", "None", "True", "False", "[3, 1, 2]", "'%'", "(1, 'a')"),
);
const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof({ depthSize: "small", withCrossShrink: true },
    atom,
    fc.tuple(tie("e"), fc.constantFrom("+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", ">=", "and", "or", "in", "&", "|", "^", "<<", ">>"), tie("e")).map(([a, o, b]) => `(${a} ${o} ${b})`),
    fc.tuple(fc.constantFrom("-", "not ", "~"), tie("e")).map(([o, a]) => `(${o}${a})`),
    fc.tuple(fc.constantFrom("str", "repr", "len", "int", "float", "bool", "list", "tuple", "sorted", "abs", "round", "sum", "min", "max", "set", "type"), tie("e")).map(([f, a]) => `${f}(${a})`),
    fc.tuple(tie("e"), fc.constantFrom(".upper()", ".split()", "[0]", "[-1]", "[1:]", "[::-1]", ".count(1)", ".index(1)", ".strip()", ".title()", ".keys()", ".items()", ".copy()", ".pop()")).map(([a, m]) => `${a}${m}`),
    fc.tuple(tie("e"), fc.constantFrom("", ":>8", ":.3f", ":,", ":x", "!r", ":^7", ":08.2f", ":+d", ":e", ":%")).map(([a, s]) => `f"{${a}${s}}"`),
  ),
})).e;
const program = fc.array(expr, { minLength: 1, maxLength: 8 }).map((es) => es.map((e) => `try:\n    print(${e})\nexcept Exception as e:\n    print(type(e).__name__, e)`).join("\n") + "\n");
const { ok, uns, bad, reasons } = compareAll(fc.sample(program, n), ver, (src, want, got) => {
  // Show only the first differing line, with the print that produced it.
  const wl = want.stdout.split("\n"), gl = got.stdout.split("\n"), sl = src.split("\n").filter((l) => l.startsWith("    print("));
  for (let i = 0; i < Math.max(wl.length, gl.length); i++) if (wl[i] !== gl[i]) { console.log(`DIFF ${sl[i] ?? "?"}\n  want ${wl[i]}\n  got  ${gl[i]}`); break; }
  if (want.stderr !== got.stderr) console.log(`STDERR want ${want.stderr} got ${got.stderr}`);
});
console.log({ ok, uns, bad }, [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 12));
