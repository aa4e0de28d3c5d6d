// Real CPython as a `Simulator` for grading's key code (stdout only: no trace, no race
// enumeration; script mode through -c, REPL mode through -i on stdin), so the bank's stdout-based keys can be checked against the real interpreter.
// Versions 3.10-3.13 come from pyenv; a version that is not installed is reported, never faked.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import type { PythonVersion } from "@/lib/questions/mechanisms";
import type { SimRunOptions, SimRunResult, Simulator } from "@/lib/grading/simulator";

const PYENV: Partial<Record<PythonVersion, string>> = {
  "3.10": "/root/.pyenv/versions/3.10.13/bin/python3",
  "3.11": "/root/.pyenv/versions/3.11.7/bin/python3",
  "3.12": "/root/.pyenv/versions/3.12.1/bin/python3",
  "3.13": "/root/.pyenv/versions/3.13.0/bin/python3",
};

export function cpythonPath(version: PythonVersion): string | null {
  const p = PYENV[version];
  return p && existsSync(p) ? p : null;
}

/** A Simulator backed by real interpreters; a version not installed answers exit 2 (unsupported). */
export function cpython(defaultVersion: PythonVersion): Simulator {
  return {
    run(source: string, options: SimRunOptions = {}): SimRunResult {
      const version = options.python ?? defaultVersion;
      const exe = cpythonPath(version);
      if (!exe) return { stdout: "", stderr: `CPython ${version} is not installed here`, exitCode: 2 };
      // -I -S: no site, no user paths, so start-up allocates the same objects every run.
      if ((options.mode ?? "script") === "repl") {
        // -i with the program on stdin is the interactive prompt: one compile per statement,
        // expression values echoed; prompts go to stderr, and an exception does not end the run.
        const r = spawnSync(exe, ["-I", "-S", "-i"], { input: source, encoding: "utf8", timeout: 20_000 });
        const lines = r.stderr.split("\n").map((l) => l.replace(/^(>>> |\.\.\. )+/, "").trim()).filter((l) => l !== "" && l !== ">>>");
        const failed = /Traceback \(most recent call last\)/.test(r.stderr);
        return { stdout: r.stdout, stderr: failed ? (lines.at(-1) ?? "") : "", exitCode: r.status !== 0 ? 70 : failed ? 1 : 0 };
      }
      const r = spawnSync(exe, ["-I", "-S", "-c", source], { encoding: "utf8", timeout: 20_000 });
      const last = r.stderr.trim().split("\n").at(-1) ?? "";
      return { stdout: r.stdout, stderr: last, exitCode: r.status === 0 ? 0 : r.status === 1 ? 1 : 70 };
    },
  };
}
