// Dev helper: where a simulated run's time goes, per phase, over the programs bench:sim times
// (the corpus in script mode on 3.12, without those marked unsupported or refused). Each phase is
// timed per program (median of 15 after 3 warm-up runs), and the median over programs printed:
//   parse     tokenize + parse
//   compile   parse + context checks + compileUnit, on a pooled interpreter taken and put back
//   run       run(), everything bench:sim times
//   empty     run("pass"): the fixed cost of a run
// `npx tsx lib/sim/dev/bench.ts`; bench:sim stays the contract, this only splits it up.
import { performance } from "node:perf_hooks";
import { parse } from "../parser";
import { run } from "../index";
import { checkContext } from "../compiler";
import { acquireInterp, releaseInterp } from "../pool";
import { PROFILES } from "../versions";
import { listPrograms } from "../../../test/sim/expectation";

const prof = PROFILES["3.12"];
const sources = listPrograms()
  .filter((p) => !p.expectUnsupported)
  .map((p) => p.source)
  .filter((s) => run(s, { python: "3.12", mode: "script" }).exitCode !== 2);

function medianOverPrograms(f: (s: string) => void): number {
  const perProgram: number[] = [];
  for (const s of sources) {
    for (let i = 0; i < 3; i++) f(s);
    const ts: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      f(s);
      ts.push(performance.now() - t0);
    }
    ts.sort((a, b) => a - b);
    perProgram.push(ts[7]);
  }
  perProgram.sort((a, b) => a - b);
  return perProgram[perProgram.length >> 1] * 1000;
}

function compileOnly(s: string): void {
  const it = acquireInterp({ prof, mode: "script", maxSteps: 1_000_000, maxObjects: 100_000, trace: false, source: s });
  try {
    const body = parse(s).body;
    checkContext(body);
    it.compileUnit(body, "<module>");
  } catch {
    // a syntax error or a refusal at compile time: still a timed compile
  } finally {
    releaseInterp(it);
  }
}

const phases: [string, (s: string) => void][] = [
  ["parse", (s) => { try { parse(s); } catch { /* timed all the same */ } }],
  ["compile", compileOnly],
  ["run", (s) => void run(s, { python: "3.12", mode: "script" })],
  ["empty", () => void run("pass\n", { python: "3.12", mode: "script" })],
];
const out: Record<string, number> = { programs: sources.length };
for (const [name, f] of phases) out[`${name}MedianUs`] = Number(medianOverPrograms(f).toFixed(2));
console.log(JSON.stringify(out));
