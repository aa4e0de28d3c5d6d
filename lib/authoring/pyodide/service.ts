// Real CPython 3.14 on the server, for the authoring cross-check: Pyodide in ONE worker thread,
// loaded once (~3 s) and reused (~10 ms a program), so neither the loading nor a run ever blocks
// the event loop that serves students. Jobs run one at a time in arrival order; a job that
// outlives its timeout (an endless loop: Pyodide cannot be interrupted from outside) costs the
// worker, which is terminated and loaded afresh by the next job.
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

export interface PyodideRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}
export interface PyodideInfo {
  version: string;
  pyodideVersion: string;
  pointerSize: number;
}
export class PyodideUnavailable extends Error {}

type Job = { id: number; code: string; mode: "script" | "repl"; resolve: (r: PyodideRun) => void; reject: (e: Error) => void; timeoutMs: number };

const LOAD_TIMEOUT_MS = 60_000;

class PyodideService {
  private worker: Worker | null = null;
  private ready: Promise<PyodideInfo> | null = null;
  private queue: Job[] = [];
  private busy = false;
  private nextId = 1;

  constructor(private readonly root: string) {}

  private start(): Promise<PyodideInfo> {
    if (this.ready) return this.ready;
    // turbopackIgnore everywhere: Next's bundler must neither bundle the worker (it would rewrite
    // `new Worker(path)` into a chunk lookup that fails at run time) nor trace the project root.
    const workerPath = path.join(/*turbopackIgnore: true*/ this.root, "lib", "authoring", "pyodide", "worker.mjs");
    const driverPath = path.join(/*turbopackIgnore: true*/ this.root, "scripts", "oracle", "driver.py");
    const pyodideDir = path.join(/*turbopackIgnore: true*/ this.root, "node_modules", "pyodide");
    if (!existsSync(/*turbopackIgnore: true*/ workerPath) || !existsSync(/*turbopackIgnore: true*/ driverPath) || !existsSync(/*turbopackIgnore: true*/ pyodideDir)) {
      return Promise.reject(new PyodideUnavailable("Pyodide is not installed on this server."));
    }
    const indexURL = `${pyodideDir}${path.sep}`;
    const worker = new Worker(/*turbopackIgnore: true*/ workerPath, { workerData: { driverPath, indexURL } });
    this.worker = worker;
    this.ready = new Promise<PyodideInfo>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.reset();
        reject(new PyodideUnavailable("Pyodide did not load in time."));
      }, LOAD_TIMEOUT_MS);
      worker.once("message", (m: { type: string } & PyodideInfo) => {
        clearTimeout(timer);
        resolve({ version: m.version, pyodideVersion: m.pyodideVersion, pointerSize: m.pointerSize });
      });
      worker.once("error", (e) => {
        clearTimeout(timer);
        this.reset();
        reject(new PyodideUnavailable(`Pyodide failed to load: ${e.message}`));
      });
    });
    // A failed load must not be cached: the next request tries again.
    this.ready.catch(() => undefined);
    // The server may exit while the worker idles.
    worker.unref();
    return this.ready;
  }

  private reset(): void {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) void w.terminate();
  }

  info(): Promise<PyodideInfo> {
    return this.start();
  }

  run(code: string, mode: "script" | "repl", timeoutMs = 10_000): Promise<PyodideRun> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, code, mode, resolve, reject, timeoutMs });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) return;
    this.busy = true;
    try {
      await this.start();
      job.resolve(await this.exec(job));
    } catch (error) {
      job.reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.busy = false;
      void this.pump();
    }
  }

  private exec(job: Job): Promise<PyodideRun> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new PyodideUnavailable("Pyodide is not running."));
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
      };
      const onMessage = (m: { type: string; id: number } & PyodideRun) => {
        if (m.type !== "result" || m.id !== job.id) return;
        done();
        resolve({ stdout: m.stdout, stderr: m.stderr, exitCode: m.exitCode });
      };
      const onError = (e: Error) => {
        done();
        this.reset();
        reject(new PyodideUnavailable(`Pyodide failed: ${e.message}`));
      };
      const timer = setTimeout(() => {
        done();
        this.reset();
        reject(new PyodideTimeout(`the program ran longer than ${job.timeoutMs / 1000} s on Pyodide`));
      }, job.timeoutMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ id: job.id, code: job.code, mode: job.mode });
    });
  }

  /** For tests and shutdown. */
  async stop(): Promise<void> {
    this.reset();
  }
}

export class PyodideTimeout extends Error {}

// One per process; on globalThis because Next's dev server re-evaluates modules on every edit.
const holder = globalThis as unknown as { heapwisePyodide?: PyodideService };

export function pyodide(): PyodideService {
  holder.heapwisePyodide ??= new PyodideService(process.env.HEAPWISE_ROOT ?? process.cwd());
  return holder.heapwisePyodide;
}
