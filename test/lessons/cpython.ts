// Real interpreters for checking what the lessons claim: CPython 3.10-3.13 from pyenv (script
// mode runs a file; shell mode pipes the lines into `python -i`, which compiles each statement
// on its own, as a student's terminal does) and 3.14 through Pyodide in-process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cpythonPath } from "@/test/questions/cpython";
import type { PythonVersion } from "@/lib/questions/mechanisms";

const dir = mkdtempSync(path.join(tmpdir(), "heapwise-lessons-"));
let n = 0;

export type RealRun = { stdout: string; exitCode: number; stderr: string };

export function runCPython(version: PythonVersion, source: string, mode: "script" | "repl"): RealRun | null {
  const exe = cpythonPath(version);
  if (!exe) return null;
  if (mode === "repl") {
    // A blank line after the input ends any open block, as pressing Enter would.
    const r = spawnSync(exe, ["-I", "-S", "-i"], { input: source + "\n\n", encoding: "utf8", timeout: 20_000 });
    return { stdout: r.stdout, exitCode: r.status ?? 70, stderr: r.stderr };
  }
  const file = path.join(dir, `ex${n++}.py`);
  writeFileSync(file, source);
  const r = spawnSync(exe, ["-I", "-S", file], { encoding: "utf8", timeout: 20_000 });
  return { stdout: r.stdout, exitCode: r.status ?? 70, stderr: r.stderr };
}

type Pyodide = Awaited<ReturnType<typeof import("pyodide").loadPyodide>>;
let pyodide: Promise<Pyodide | null> | null = null;

async function loadPy(): Promise<Pyodide | null> {
  try {
    const { loadPyodide } = await import("pyodide");
    return await loadPyodide();
  } catch {
    return null;
  }
}

/** CPython 3.14 (Pyodide). Shell mode compiles each top-level line with mode "single", as the REPL does. */
export async function runPyodide(source: string, mode: "script" | "repl"): Promise<RealRun | null> {
  pyodide ??= loadPy();
  const py = await pyodide;
  if (!py) return null;
  let out = "";
  py.setStdout({ batched: (s: string) => (out += s + "\n") });
  py.globals.set("__src", source);
  py.globals.set("__mode", mode);
  try {
    py.runPython(`
__g = {"__name__": "__main__", "__builtins__": __builtins__}
if __mode == "script":
    exec(compile(__src, "lesson.py", "exec"), __g)
else:
    for __line in __src.split("\\n"):
        if __line.strip():
            exec(compile(__line, "<stdin>", "single"), __g)
`);
    return { stdout: out, exitCode: 0, stderr: "" };
  } catch (e) {
    return { stdout: out, exitCode: 1, stderr: String(e) };
  }
}
