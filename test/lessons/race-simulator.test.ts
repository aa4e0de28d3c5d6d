// The race visualizer's machine against the simulator's own enumeration of the same Python
// program: both must find exactly the same possible final values, with and without the lock.
import { describe, expect, it } from "vitest";
import { enumerateRace } from "@/lib/sim";
import { finalValues, raceProgram } from "@/lib/lessons/race";

describe("race machine and simulator agree", () => {
  for (const start of [0, 1, 5]) {
    for (const withLock of [false, true]) {
      it(`start ${start}, ${withLock ? "with" : "without"} a lock`, () => {
        const sim = enumerateRace(raceProgram(start, withLock), { python: "3.12" });
        expect(sim.error).toBeUndefined();
        expect([...sim.finalValues].sort((a, b) => a - b)).toEqual(finalValues(start, withLock));
      });
    }
  }
});
