// A small pool of worker threads with a wall-clock limit per task and a bounded queue.
//
// Why our own and not piscina: we need three things together — a per-task time limit that
// terminates and replaces the worker (piscina can only abort through a signal, per call), a
// memory ceiling per worker (resourceLimits: an allocation bomb kills its worker, not the server),
// and a worker entry that loads TypeScript in vitest, tsx scripts and `next start` alike
// (./worker-entry.mjs). That is ~150 lines; a dependency would not remove any of them.
//
// Each worker runs one task at a time. A task that outlives its limit, or a worker that dies
// (out of memory, a crash), fails that one task with a PoolTaskError and the worker is replaced;
// queued tasks go to the next free worker. A full queue is refused at once (PoolOverloaded),
// so an overload is an immediate, explainable 503, never a hang.
//
// On a machine with few cores, a worker spinning until its limit would still take a core from the
// threads serving everyone else. Real keys take milliseconds, so a task still running after
// demoteAfterMs has its thread reniced to 19 (Linux: setpriority on the thread id the worker
// reports); the request thread, PostgreSQL and the other workers then win the CPU. A replaced
// worker starts at normal priority.
import { setPriority } from "node:os";
import { Worker, type ResourceLimits } from "node:worker_threads";

export type PoolOptions = {
  /** Absolute path of the worker's entry file. */
  entry: string;
  workerData?: unknown;
  size: number;
  timeLimitMs: number;
  /** A task running longer than this has its thread's CPU priority lowered until it ends (Linux). */
  demoteAfterMs?: number;
  maxQueue: number;
  resourceLimits?: ResourceLimits;
};

export type PoolStats = {
  workers: number;
  busy: number;
  queued: number;
  completed: number;
  timedOut: number;
  crashed: number;
  overloaded: number;
};

/** The pool refused a task because its queue is full. */
export class PoolOverloaded extends Error {
  constructor(queued: number) {
    super(`the grading queue is full (${queued} waiting)`);
    this.name = "PoolOverloaded";
  }
}

/** A task that did not finish: over its time limit, or its worker died (e.g. out of memory). */
export class PoolTaskError extends Error {
  constructor(
    readonly reason: "timeout" | "crashed",
    message: string,
  ) {
    super(message);
    this.name = "PoolTaskError";
  }
}

type Task = { id: number; payload: unknown; resolve: (value: unknown) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; task: Task | null; timer: NodeJS.Timeout | null; demote: NodeJS.Timeout | null; demoted: boolean; ready: boolean; tid: number | null };
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };
type Ready = { ready: true; tid: number | null };

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  /** Set when workers keep dying before they are ready (a broken entry): refuse, do not respawn forever. */
  private broken: string | null = null;
  private startFailures = 0;
  private readonly counts = { completed: 0, timedOut: 0, crashed: 0, overloaded: 0 };

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  /** Runs one task on a free worker; rejects with PoolOverloaded at once when the queue is full. */
  run<T>(payload: unknown): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the worker pool is closed"));
    if (this.broken) return Promise.reject(new PoolTaskError("crashed", this.broken));
    if (this.queue.length >= this.options.maxQueue) {
      this.counts.overloaded++;
      return Promise.reject(new PoolOverloaded(this.queue.length));
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, payload, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  stats(): PoolStats {
    return { workers: this.slots.length, busy: this.slots.filter((s) => s.task).length, queued: this.queue.length, ...this.counts };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error("the worker pool is closed"));
    await Promise.all(this.slots.map((slot) => this.retire(slot, "the worker pool is closed")));
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.entry, { workerData: this.options.workerData, resourceLimits: this.options.resourceLimits });
    // A pool must not keep a script or a test process alive once its work is done.
    worker.unref();
    const slot: Slot = { worker, task: null, timer: null, demote: null, demoted: false, ready: false, tid: null };
    worker.on("message", (reply: Reply | Ready) => {
      if ("ready" in reply) {
        slot.ready = true;
        slot.tid = reply.tid;
        this.startFailures = 0;
        this.dispatch();
        return;
      }
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      const normal = this.finish(slot);
      this.counts.completed++;
      if (reply.ok) task.resolve(reply.value);
      else task.reject(new Error(reply.message));
      // A thread that cannot be given its priority back (not root) is swapped for a fresh one.
      if (!normal) this.replace(slot, "crashed", "demoted worker retired");
      this.dispatch();
    });
    // An uncaught error or running out of memory ends the worker: fail its task, replace it.
    worker.on("error", (error) => this.replace(slot, "crashed", `the grading worker died: ${error.message}`));
    worker.on("exit", (code) => this.replace(slot, "crashed", `the grading worker exited (${code})`));
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.task) continue;
      const task = this.queue.shift() as Task;
      slot.task = task;
      slot.timer = setTimeout(() => this.replace(slot, "timeout", `the simulation ran past its time limit of ${this.options.timeLimitMs} ms`), this.options.timeLimitMs);
      slot.timer.unref();
      const { demoteAfterMs } = this.options;
      if (demoteAfterMs !== undefined && slot.tid !== null && demoteAfterMs < this.options.timeLimitMs) {
        slot.demote = setTimeout(() => {
          slot.demoted = renice(slot, 19);
        }, demoteAfterMs);
        slot.demote.unref();
      }
      slot.worker.postMessage({ id: task.id, payload: task.payload });
    }
  }

  /** Ends the slot's current task; false when its thread stays demoted (the caller replaces it). */
  private finish(slot: Slot): boolean {
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.demote) clearTimeout(slot.demote);
    slot.timer = null;
    slot.demote = null;
    slot.task = null;
    if (!slot.demoted) return true;
    slot.demoted = !renice(slot, 0);
    return !slot.demoted;
  }

  /** Fails the slot's task (if any), terminates its worker and puts a fresh one in its place. */
  private replace(slot: Slot, reason: "timeout" | "crashed", message: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already replaced (terminate() also fires "exit")
    const task = slot.task;
    this.finish(slot);
    if (task) {
      this.counts[reason === "timeout" ? "timedOut" : "crashed"]++;
      task.reject(new PoolTaskError(reason, message));
    }
    if (this.closed) {
      this.slots.splice(index, 1);
      return;
    }
    if (!slot.ready && ++this.startFailures >= 3) {
      this.broken = `grading workers fail to start: ${message}`;
      this.slots.splice(index, 1);
      for (const queued of this.queue.splice(0)) queued.reject(new PoolTaskError("crashed", this.broken));
      return;
    }
    this.slots[index] = this.spawn();
    void slot.worker.terminate();
  }

  private async retire(slot: Slot, message: string): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    const task = slot.task;
    this.finish(slot);
    task?.reject(new Error(message));
    await slot.worker.terminate();
  }
}

/** Sets a worker thread's nice value; false where it cannot (not Linux, or raising it back without privileges). */
function renice(slot: Slot, nice: number): boolean {
  if (slot.tid === null) return false;
  try {
    setPriority(slot.tid, nice);
    return true;
  } catch {
    return false;
  }
}
