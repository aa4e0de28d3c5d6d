import { describe, expect, it } from "vitest";
import { enumerateRace } from "./index";

const program = (threads: number, loops: number, locked: boolean) => `import threading
counter = 0
lock = threading.Lock()
def work():
    global counter
    for _ in range(${loops}):
${locked ? "        with lock:\n            counter += 1" : "        counter += 1"}
ts = [threading.Thread(target=work) for _ in range(${threads})]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter)
`;

/** Replays a schedule step by step and returns the final shared value: each schedule must be self-consistent. */
function replay(steps: string[], threads: number): number {
  let shared = 0;
  const reg = new Array<number>(threads + 1).fill(0);
  for (const s of steps) {
    const m = /^T(\d+) (LOAD|ADD|STORE|LOCKED) (.*)$/.exec(s);
    if (!m) throw new Error("bad step " + s);
    const t = Number(m[1]);
    if (m[2] === "LOAD") { expect(m[3]).toBe(`counter=${shared}`); reg[t] = shared; }
    else if (m[2] === "ADD") { expect(m[3]).toBe(`${reg[t]}+1=${reg[t] + 1}`); reg[t] += 1; }
    else if (m[2] === "STORE") { expect(m[3]).toBe(`counter=${reg[t]}`); shared = reg[t]; }
    else { expect(m[3]).toBe(`counter=${shared}->${shared + 1}`); shared += 1; }
  }
  return shared;
}

describe("enumerateRace", () => {
  it("two threads, one unlocked increment each: 1 or 2", () => {
    const r = enumerateRace(program(2, 1, false));
    expect(r.finalValues).toEqual([1, 2]);
    for (const s of r.schedules) expect(replay(s.steps, 2)).toBe(s.value);
  });

  it("two threads, two increments each: a lost update can leave 2", () => {
    const r = enumerateRace(program(2, 2, false));
    expect(r.finalValues).toEqual([2, 3, 4]);
    for (const s of r.schedules) {
      expect(s.steps).toHaveLength(12);
      expect(replay(s.steps, 2)).toBe(s.value);
    }
  });

  it("three threads, two increments each: every value from 2 to 6", () => {
    const r = enumerateRace(program(3, 2, false));
    expect(r.finalValues).toEqual([2, 3, 4, 5, 6]);
    for (const s of r.schedules) expect(replay(s.steps, 3)).toBe(s.value);
  });

  it("with a lock only the correct total remains", () => {
    const r = enumerateRace(program(3, 4, true));
    expect(r.finalValues).toEqual([12]);
    expect(replay(r.schedules[0].steps, 3)).toBe(12);
  });

  it("explains what it cannot model instead of guessing", () => {
    expect(enumerateRace("x = 1\nprint(x)\n").error).toMatch(/no threads/);
    expect(enumerateRace(program(2, 1000, false)).error).toMatch(/too many to enumerate/);
    expect(enumerateRace(program(2, 60, false)).error).toMatch(/interleaving states/);
  });
});
