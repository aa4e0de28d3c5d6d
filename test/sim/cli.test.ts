/**
 * The CLI contract of scripts/sim.ts, checked by spawning it as other tools do: exit codes,
 * stdout holding exactly the program's output, and `--json` printing one line per file with
 * exactly the agreed keys and nothing else.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../lib/sim/index";
import { CORPUS_DIR, ROOT, listPrograms, readExpectation } from "./expectation";

function sim(args: string[], viaNpm = false) {
  const r = viaNpm
    ? spawnSync("npm", ["run", "--silent", "sim", "--", ...args], { cwd: ROOT, encoding: "utf8" })
    : spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "sim.ts"), ...args], {
        cwd: ROOT,
        encoding: "utf8",
      });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

const refcount = path.join(CORPUS_DIR, "notes", "refcount_example.py");
const nameError = path.join(CORPUS_DIR, "core-language", "name_error.py");
const generator = path.join(CORPUS_DIR, "core-language", "unsupported_generator.py");

describe("scripts/sim.ts", () => {
  it("prints the program's stdout and exits with its code (via npm run --silent)", () => {
    const r = sim(["--python", "3.12", refcount], true);
    const inProcess = run(fs.readFileSync(refcount, "utf8"), { python: "3.12" });
    expect(r.code).toBe(inProcess.exitCode);
    expect(r.stdout).toBe(inProcess.stdout);
    const [p] = listPrograms("notes/refcount_example");
    const want = readExpectation(p)?.["3.12"].script;
    if (inProcess.exitCode !== 2) expect(r.stdout).toBe(want?.stdout);
  });

  it("reports an uncaught exception on stderr with exit 1, or refuses with exit 2", () => {
    const r = sim([nameError]);
    expect([1, 2]).toContain(r.code);
    if (r.code === 1) {
      expect(r.stdout).toBe("1\n");
      expect(r.stderr).toBe("NameError: name 'y' is not defined\n");
    } else {
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^unsupported: /);
    }
  });

  it("refuses a construct outside the subset with exit 2", () => {
    const r = sim([generator]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^unsupported: .*\(line \d+\)/);
  });

  it("--json prints one line per file with exactly the agreed keys and nothing else", () => {
    const files = [refcount, nameError, generator];
    const r = sim(["--json", "--python", "3.11", "--mode", "repl", ...files]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(files.length);
    lines.forEach((line, i) => {
      const obj: unknown = JSON.parse(line);
      expect(Object.keys(obj as object)).toEqual(["file", "python", "mode", "stdout", "stderr", "exitCode"]);
      const inProcess = run(fs.readFileSync(files[i], "utf8"), { python: "3.11", mode: "repl" });
      expect(obj).toEqual({ file: files[i], python: "3.11", mode: "repl", ...inProcess });
    });
  });

  it("--json exits 1 when a file cannot be read, still one line per file", () => {
    const missing = path.join(os.tmpdir(), "heapwise-no-such-file.py");
    const r = sim(["--json", refcount, missing]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { file: string; exitCode: number; stderr: string });
    expect(lines.map((l) => l.file)).toEqual([refcount, missing]);
    expect(lines[1].exitCode).toBe(2);
    expect(lines[1].stderr).toContain("can't open file");
  });

  it("--trace --trace-out writes one JSON line and leaves stdout alone", () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "heapwise-trace-")), "trace.json");
    const plain = sim([refcount]);
    const traced = sim(["--trace", "--trace-out", out, refcount]);
    expect(traced.code).toBe(plain.code);
    expect(traced.stdout).toBe(plain.stdout);
    const text = fs.readFileSync(out, "utf8");
    expect(text.endsWith("\n")).toBe(true);
    expect(text.trimEnd().includes("\n")).toBe(false);
    expect(Array.isArray(JSON.parse(text))).toBe(true);
  });

  it("rejects bad arguments with exit 64", () => {
    expect(sim(["--python", "2.7", refcount]).code).toBe(64);
    expect(sim([refcount, nameError]).code).toBe(64);
    expect(sim(["--bogus", refcount]).code).toBe(64);
  });
});
