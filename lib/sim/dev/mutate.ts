// Dev helper: mutate every corpus program a few times and report internal faults (exit 70).
import fs from "node:fs";
import path from "node:path";
import { run } from "../index";
const root = path.resolve(import.meta.dirname, "../../../test/sim/corpus");
let seed = 12345;
const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const chars = "():[]{}=+-*,.\n ab1'\"#\t";
let faults = 0, total = 0;
for (const d of fs.readdirSync(root)) for (const f of fs.readdirSync(path.join(root, d))) {
  if (!f.endsWith(".py")) continue;
  const base = fs.readFileSync(path.join(root, d, f), "utf8");
  for (let k = 0; k < 15; k++) {
    let s = base;
    for (let e = 0; e < 1 + rnd(3); e++) {
      const i = rnd(s.length);
      const kind = rnd(3);
      s = kind === 0 ? s.slice(0, i) + s.slice(i + 1) : kind === 1 ? s.slice(0, i) + chars[rnd(chars.length)] + s.slice(i) : s.slice(0, i) + s.slice(i, i + 6) + s.slice(i);
    }
    for (const v of ["3.10", "3.12", "3.14"] as const) for (const mode of ["script", "repl"] as const) {
      total++;
      const r = run(s, { python: v, mode, maxSteps: 50_000 });
      if (r.exitCode === 70) { faults++; if (faults <= 5) console.log(`FAULT ${d}/${f} ${v} ${mode}: ${r.stderr}\n${s}\n---`); }
    }
  }
}
console.log({ total, faults });
