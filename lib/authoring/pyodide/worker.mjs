// The Pyodide worker thread: loads CPython 3.14 (Pyodide, wasm32) once, then runs one program at
// a time through the oracle's own driver (scripts/oracle/driver.py), so a program runs here as it
// runs when the oracle corpus is generated. Plain JavaScript, loaded by path at run time, so
// Next's bundler never sees Pyodide. A program that never ends is the service's problem: it
// terminates this thread and starts another.
import { parentPort, workerData } from "node:worker_threads";
import { readFileSync } from "node:fs";

const { driverPath, indexURL } = workerData;
const { loadPyodide, version: pyodideVersion } = await import("pyodide");
// Pyodide finds its files from its caller's stack, which a worker thread confuses: say where.
const py = await loadPyodide({ indexURL });
let out = "";
let err = "";
const dec = new TextDecoder();
py.setStdout({ write: (b) => ((out += dec.decode(b)), b.length) });
py.setStderr({ write: (b) => ((err += dec.decode(b)), b.length) });
py.FS.mkdirTree("/heapwise");
py.FS.writeFile("/heapwise/oracle_driver.py", readFileSync(driverPath, "utf8"));
py.runPython("import sys; sys.path.insert(0, '/heapwise'); import oracle_driver");
py.globals.set("_baseline", py.runPython("frozenset(sys.modules)"));
py.runPython("_main = sys.modules['__main__']");
const version = String(py.runPython("sys.version.split()[0]"));
const pointerSize = Number(py.runPython("oracle_driver.pointer_size()"));
parentPort.postMessage({ type: "ready", version, pyodideVersion, pointerSize });

parentPort.on("message", (job) => {
  out = "";
  err = "";
  try {
    py.FS.writeFile("/heapwise/prog.py", job.code);
    const mode = job.mode === "repl" ? "repl" : "script";
    const exitCode = Number(py.runPython(`oracle_driver.run_source(open('/heapwise/prog.py').read(), '${mode}', '/heapwise/prog.py')`));
    // Forget what the program imported, so the next one starts as a fresh process would.
    py.runPython("import sys\nfor _k in [k for k in sys.modules if k not in _baseline]: del sys.modules[_k]\nsys.modules['__main__'] = _main");
    parentPort.postMessage({ type: "result", id: job.id, stdout: out, stderr: err, exitCode });
  } catch (error) {
    parentPort.postMessage({ type: "result", id: job.id, stdout: out, stderr: `${err}${error instanceof Error ? error.message : String(error)}`, exitCode: 70 });
  }
});
