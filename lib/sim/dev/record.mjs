// Dev helper: record the real CPython answers for the unit-test tables. Reads a JSON list of
// {name, mode?, src} from argv[2], runs each program on 3.10-3.13 (pyenv, `python3 -I -S`) and on
// 3.14 (Pyodide, exec of compile() after a gc.collect(), as the oracle driver does), and prints
// JSON {name: {version: {stdout, stderr, exitCode}}} to stdout. A case with mode "repl" runs
// through scripts/oracle/driver.py (the corpus's REPL rule) on every interpreter.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
const vers = { "3.10": "3.10.13", "3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0" };
const dir = mkdtempSync(path.join(tmpdir(), "rec-"));
const out = {};
const { loadPyodide } = await import("pyodide");
const py = await loadPyodide();
let so = "";
py.setStdout({ write: (b) => { so += Buffer.from(b).toString(); return b.length; } });
py.setStderr({ write: (b) => b.length });
for (const c of cases) {
  const file = path.join(dir, c.name + ".py");
  writeFileSync(file, c.src);
  const r = {};
  const driver = new URL("../../../scripts/oracle/driver.py", import.meta.url).pathname;
  for (const [v, full] of Object.entries(vers)) {
    const argv = c.mode === "repl" ? ["-I", "-S", driver, "repl", file] : ["-I", "-S", file];
    const p = spawnSync(`/root/.pyenv/versions/${full}/bin/python3`, argv, { encoding: "utf8" });
    const last = p.stderr.trim().split("\n").pop() ?? "";
    r[v] = { stdout: p.stdout, stderr: last ? last + "\n" : "", exitCode: p.status };
  }
  so = "";
  py.globals.set("__src", c.src);
  let err = "";
  let code = 0;
  try {
    if (c.mode === "repl") {
      let errText = "";
      py.setStderr({ write: (b) => { errText += Buffer.from(b).toString(); return b.length; } });
      py.globals.set("__driver_src", readFileSync(driver, "utf8"));
      code = py.runPython(`__d = {"__name__": "oracle_driver"}\nexec(__driver_src, __d)\n__d["run_source"](__src, "repl", "f.py")`);
      py.setStderr({ write: (b) => b.length });
      const last = errText.trim().split("\n").pop() ?? "";
      err = last ? last + "\n" : "";
    } else {
      py.runPython(`import gc, sys\ngc.enable(); gc.collect()\n__g = {"__name__": "__main__", "__builtins__": __builtins__}\nexec(compile(__src, "f.py", "exec"), __g)\ndel __g\ngc.collect()`);
    }
  } catch (e) { err = String(e.message).trim().split("\n").pop() + "\n"; code = 1; }
  r["3.14"] = { stdout: so, stderr: err, exitCode: code };
  out[c.name] = r;
}
console.log(JSON.stringify(out, null, 1));
