// Dev helper shared by the differential fuzzers: runs each program in the simulator and in
// pyenv's real CPython, and tallies matches, refusals (exit 2, by reason) and mismatches.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { run, type PythonVersion, type RunResult } from "../index";

const FULL: Record<string, string> = { "3.10": "3.10.13", "3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0" };

export type Outcome = Pick<RunResult, "stdout" | "stderr" | "exitCode">;

export function argv(): { version: PythonVersion; count: number } {
  return { version: (process.argv[2] ?? "3.12") as PythonVersion, count: Number(process.argv[3] ?? 100) };
}

export function compareAll(
  programs: Iterable<string>,
  version: PythonVersion,
  onMismatch: (src: string, want: Outcome, got: Outcome, index: number) => void,
): { ok: number; uns: number; bad: number; reasons: Map<string, number> } {
  const python = FULL[version];
  if (!python) throw new Error(`no pyenv CPython for ${version} (have ${Object.keys(FULL).join(", ")})`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dfz-")), "p.py");
  let ok = 0, uns = 0, bad = 0;
  const reasons = new Map<string, number>();
  for (const src of programs) {
    const got = run(src, { python: version });
    if (got.exitCode === 2) {
      uns++;
      const reason = got.stderr.replace(/\(line \d+\)/, "").trim();
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      continue;
    }
    fs.writeFileSync(file, src);
    const real = spawnSync(`/root/.pyenv/versions/${python}/bin/python3`, ["-I", "-S", file], { encoding: "utf8" });
    const last = real.stderr.trim().split("\n").pop() ?? "";
    const want: Outcome = { stdout: real.stdout, stderr: last ? last + "\n" : "", exitCode: real.status ?? 1 };
    if (got.stdout === want.stdout && got.stderr === want.stderr && got.exitCode === want.exitCode) { ok++; continue; }
    bad++;
    onMismatch(src, want, got, bad);
  }
  return { ok, uns, bad, reasons };
}
