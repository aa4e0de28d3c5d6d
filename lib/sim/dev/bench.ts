// Dev helper: time run() over every corpus program (script mode, 3.12) and report the median.
import fs from "node:fs";
import path from "node:path";
import { run } from "../index";
const root = path.resolve(import.meta.dirname, "../../../test/sim/corpus");
const srcs: string[] = [];
for (const d of fs.readdirSync(root)) for (const f of fs.readdirSync(path.join(root, d))) if (f.endsWith(".py")) srcs.push(fs.readFileSync(path.join(root, d, f), "utf8"));
for (const s of srcs) run(s); // warm up
const times: number[] = [];
for (const s of srcs) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 5; i++) run(s);
  times.push(Number(process.hrtime.bigint() - t0) / 5e6);
}
times.sort((a, b) => a - b);
console.log(`programs=${srcs.length} median=${times[times.length >> 1].toFixed(3)}ms p90=${times[Math.floor(times.length * 0.9)].toFixed(3)}ms max=${times[times.length - 1].toFixed(3)}ms`);
