// The simulator that computes answer keys on the server: lib/sim, behind grading's structural
// `Simulator` interface. The one place the attempt path binds to lib/sim, so tests and
// benchmarks can swap in another implementation (e.g. real CPython, test/questions/cpython.ts).
import type { Simulator } from "@/lib/grading";
import { enumerateRace, run } from "@/lib/sim/index";

export const libSim: Simulator = {
  run: (source, options) => run(source, options),
  enumerateRace: (source, options) => enumerateRace(source, options),
};

let bound: Simulator = libSim;

export function getSimulator(): Simulator {
  return bound;
}

export function setSimulator(sim: Simulator): void {
  bound = sim;
}
