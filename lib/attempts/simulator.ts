// The simulator that computes answer keys on the server. The one place the attempt path binds to
// lib/sim, so tests and the benchmark can swap in another `Simulator` (e.g. real CPython).
import type { Simulator } from "@/lib/grading";
import { EXIT } from "@/lib/grading/simulator";

// Until lib/sim exposes its run() entry point, every simulated kind is "not gradable" (concept
// questions need no simulator and grade normally).
const missing: Simulator = {
  run: () => ({ stdout: "", stderr: "the simulator is not available in this build", exitCode: EXIT.unsupported }),
};

let bound: Simulator = missing;

export function getSimulator(): Simulator {
  return bound;
}

export function setSimulator(sim: Simulator): void {
  bound = sim;
}
