// Dev helper: run a Python file on every real interpreter here (3.10-3.13 via pyenv, 3.14 via pyodide)
// and print each version's stdout/stderr, so expectations in tests are recorded from the real thing.
// usage: node lib/sim/dev/py.mjs file.py [--repl]
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
const file = process.argv[2];
const src = readFileSync(file, "utf8");
const vers = { "3.10": "3.10.13", "3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0" };
const out = {};
for (const [v, full] of Object.entries(vers)) {
  const r = spawnSync(`/root/.pyenv/versions/${full}/bin/python3`, ["-I", "-S", file], { encoding: "utf8" });
  const errLast = r.stderr.trim().split("\n").pop() ?? "";
  out[v] = { stdout: r.stdout, stderr: errLast, code: r.status };
}
if (!process.argv.includes("--no314")) {
  const { loadPyodide } = await import("pyodide");
  const py = await loadPyodide();
  let so = "";
  py.setStdout({ write: (b) => { so += Buffer.from(b).toString(); return b.length; } });
  py.globals.set("__src", src);
  let err = "", code = 0;
  try {
    py.runPython(`import sys\n__g = {"__name__": "__main__", "__builtins__": __builtins__}\nexec(compile(__src, "f.py", "exec"), __g)`);
  } catch (e) { err = String(e.message).trim().split("\n").pop(); code = 1; }
  out["3.14"] = { stdout: so, stderr: err, code };
}
for (const [v, r] of Object.entries(out)) {
  console.log(`== ${v} (exit ${r.code})${r.stderr ? " stderr: " + r.stderr : ""}`);
  process.stdout.write(r.stdout);
}
