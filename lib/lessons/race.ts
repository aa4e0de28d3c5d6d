// The lost-update race of the threads lesson as a tiny machine: two threads each run
// load → add → store on one shared counter (the three steps of `count += 1`, or of CPython's
// own Py_INCREF without the GIL), optionally inside acquire → release of one lock. A schedule is
// the order in which the threads' steps run; replaying it gives the states the visualizer shows.
// Pure, so the same code runs on the server, in the browser and in tests.

export type Op = "acquire" | "load" | "add" | "store" | "release";
export type ThreadId = 0 | 1;
export interface Step {
  thread: ThreadId;
  op: Op;
}

export interface RaceState {
  counter: number;
  /** Each thread's private register (the value it loaded), null before its load. */
  registers: [number | null, number | null];
  /** Which thread holds the lock, if any. */
  lock: ThreadId | null;
  /** The step that produced this state; null for the initial state. */
  step: Step | null;
  /** The step was an acquire that found the lock taken: the thread waits and retries. */
  blocked: boolean;
  note: string;
}

const PLAIN: Op[] = ["load", "add", "store"];
const LOCKED: Op[] = ["acquire", "load", "add", "store", "release"];

export function threadOps(withLock: boolean): Op[] {
  return withLock ? LOCKED : PLAIN;
}

const name = (t: ThreadId) => `Thread ${t + 1}`;

/** Replays a schedule. A blocked acquire does not advance its thread, as a real waiter retries. */
export function replay(start: number, schedule: Step[]): RaceState[] {
  const states: RaceState[] = [{ counter: start, registers: [null, null], lock: null, step: null, blocked: false, note: `The counter starts at ${start}.` }];
  for (const step of schedule) {
    const prev = states[states.length - 1];
    const regs: [number | null, number | null] = [prev.registers[0], prev.registers[1]];
    let { counter, lock } = prev;
    let blocked = false;
    let note: string;
    const t = step.thread;
    switch (step.op) {
      case "acquire":
        if (lock !== null && lock !== t) {
          blocked = true;
          note = `${name(t)} tries to acquire the lock, but ${name(lock)} holds it: ${name(t)} waits.`;
        } else {
          lock = t;
          note = `${name(t)} acquires the lock.`;
        }
        break;
      case "load":
        regs[t] = counter;
        note = `${name(t)} loads the counter: it reads ${counter}.`;
        break;
      case "add": {
        const r = regs[t];
        if (r === null) throw new Error(`${name(t)} adds before loading`);
        regs[t] = r + 1;
        note = `${name(t)} adds 1 in its own register: ${r} + 1 = ${r + 1}.`;
        break;
      }
      case "store": {
        const r = regs[t];
        if (r === null) throw new Error(`${name(t)} stores before loading`);
        const lost = r <= counter;
        counter = r;
        note = lost ? `${name(t)} stores ${r}, overwriting the other thread's ${r}: one increment is lost.` : `${name(t)} stores ${r}.`;
        break;
      }
      case "release":
        if (lock !== t) throw new Error(`${name(t)} releases a lock it does not hold`);
        lock = null;
        note = `${name(t)} releases the lock.`;
        break;
    }
    states.push({ counter, registers: regs, lock, step, blocked, note });
  }
  return states;
}

/** The notes' diagram: both threads load before either stores. */
export const LOST_UPDATE: Step[] = [
  { thread: 0, op: "load" },
  { thread: 1, op: "load" },
  { thread: 0, op: "add" },
  { thread: 1, op: "add" },
  { thread: 0, op: "store" },
  { thread: 1, op: "store" },
];

/** The notes' mutex diagram: thread 2 tries while thread 1 holds the lock, and waits. */
export const WITH_LOCK: Step[] = [
  { thread: 0, op: "acquire" },
  { thread: 0, op: "load" },
  { thread: 1, op: "acquire" },
  { thread: 0, op: "add" },
  { thread: 0, op: "store" },
  { thread: 0, op: "release" },
  { thread: 1, op: "acquire" },
  { thread: 1, op: "load" },
  { thread: 1, op: "add" },
  { thread: 1, op: "store" },
  { thread: 1, op: "release" },
];

/**
 * Every final value reachable by interleaving the two threads' steps (a blocked acquire is
 * skipped, since it changes nothing). This is what "which values can the counter end with?"
 * asks, and what the simulator's enumerateRace answers for real programs.
 */
export function finalValues(start: number, withLock: boolean): number[] {
  const ops = threadOps(withLock);
  const results = new Set<number>();
  const walk = (pc: [number, number], schedule: Step[]) => {
    if (pc[0] === ops.length && pc[1] === ops.length) {
      results.add(replay(start, schedule).at(-1)?.counter ?? start);
      return;
    }
    const last = replay(start, schedule).at(-1);
    for (const t of [0, 1] as const) {
      if (pc[t] === ops.length) continue;
      const op = ops[pc[t]];
      if (op === "acquire" && last && last.lock !== null && last.lock !== t) continue;
      const next: [number, number] = [pc[0], pc[1]];
      next[t]++;
      walk(next, [...schedule, { thread: t, op }]);
    }
  };
  walk([0, 0], []);
  return [...results].sort((a, b) => a - b);
}

/** The Python program whose increments the machine above models: two threads, one `+= 1` each. */
export function raceProgram(start: number, withLock: boolean): string {
  const body = withLock ? "    with lock:\n        counter += 1" : "    counter += 1";
  return [
    "import threading",
    "",
    `counter = ${start}`,
    ...(withLock ? ["lock = threading.Lock()"] : []),
    "",
    "def work():",
    "    global counter",
    body,
    "",
    "t1 = threading.Thread(target=work)",
    "t2 = threading.Thread(target=work)",
    "t1.start()",
    "t2.start()",
    "t1.join()",
    "t2.join()",
    "print(counter)",
  ].join("\n");
}
