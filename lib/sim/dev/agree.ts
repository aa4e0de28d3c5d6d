// Dev helper: compact agreement table of the simulator against the committed oracle corpus.
// usage: npx tsx lib/sim/dev/agree.ts [filter]
import fs from "node:fs";
import path from "node:path";
import { run } from "../index";

const root = path.resolve(import.meta.dirname, "../../../test/sim");
const filter = process.argv[2] ?? "";
const tally: Record<string, { ok: number; uns: number; wrong: number }> = {};
for (const dir of fs.readdirSync(path.join(root, "corpus"))) {
  for (const f of fs.readdirSync(path.join(root, "corpus", dir))) {
    if (!f.endsWith(".py")) continue;
    const id = `${dir}/${f.replace(/\.py$/, "")}`;
    if (filter && !id.includes(filter)) continue;
    const src = fs.readFileSync(path.join(root, "corpus", dir, f), "utf8");
    const expFile = path.join(root, "expected", dir, f.replace(/\.py$/, ".json"));
    if (!fs.existsSync(expFile)) continue;
    const exp = JSON.parse(fs.readFileSync(expFile, "utf8"));
    const unsExpected = /^#\s*expect:\s*unsupported/m.test(src.split("\n").slice(0, 5).join("\n"));
    for (const v of ["3.10", "3.11", "3.12", "3.13", "3.14"] as const) {
      for (const mode of ["script", "repl"] as const) {
        const cell = exp[v];
        if (cell.pyodideQuirk) continue;
        const want = cell[mode];
        const got = run(src, { python: v, mode });
        const t = (tally[v] ??= { ok: 0, uns: 0, wrong: 0 });
        if (unsExpected) { if (got.exitCode === 2) t.uns++; else { t.wrong++; console.log(`WRONG ${id} ${v} ${mode}: expected unsupported, got ${JSON.stringify(got.stdout + got.stderr).slice(0, 200)}`); } continue; }
        if (got.exitCode === 2) { t.uns++; if (process.env.SHOW_UNS) console.log(`UNS ${id} ${v} ${mode}: ${got.stderr.trim()}`); continue; }
        if (got.stdout === want.stdout && got.stderr === want.stderr && got.exitCode === want.exitCode) { t.ok++; continue; }
        t.wrong++;
        console.log(`WRONG ${id} ${v} ${mode}:\n   want ${JSON.stringify(want).slice(0, 400)}\n   got  ${JSON.stringify({ stdout: got.stdout, stderr: got.stderr, exitCode: got.exitCode }).slice(0, 400)}`);
      }
    }
  }
}
console.log(JSON.stringify(tally));
