// The grading worker's entry, plain JavaScript so Node can load it in every context we run in
// (vitest, tsx scripts, `next start` after `next build`): it registers tsx's loader inside this
// worker thread only and imports the TypeScript worker. (Node 20 does not apply `--import`
// hooks from a worker's execArgv to the worker's own main module, so execArgv cannot do this.)
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.worker, import.meta.url);
