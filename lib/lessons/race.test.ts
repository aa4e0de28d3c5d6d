import { describe, expect, it } from "vitest";
import { finalValues, LOST_UPDATE, replay, WITH_LOCK } from "./race";

describe("race machine", () => {
  it("the notes' schedule loses one update: 1 → 2, not 3", () => {
    const states = replay(1, LOST_UPDATE);
    expect(states.at(-1)?.counter).toBe(2);
    expect(states.some((s) => s.note.includes("lost"))).toBe(true);
  });
  it("with the lock, thread 2 waits once and the counter ends at 3", () => {
    const states = replay(1, WITH_LOCK);
    expect(states.filter((s) => s.blocked)).toHaveLength(1);
    expect(states.at(-1)?.counter).toBe(3);
    expect(states.at(-1)?.lock).toBeNull();
  });
  it("all interleavings without a lock end at start+1 or start+2; with it only start+2", () => {
    expect(finalValues(1, false)).toEqual([2, 3]);
    expect(finalValues(5, false)).toEqual([6, 7]);
    expect(finalValues(1, true)).toEqual([3]);
  });
  it("refuses impossible schedules", () => {
    expect(() => replay(0, [{ thread: 0, op: "store" }])).toThrow(/before loading/);
    expect(() => replay(0, [{ thread: 1, op: "release" }])).toThrow(/does not hold/);
  });
});
