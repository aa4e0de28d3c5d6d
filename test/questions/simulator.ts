// Loads lib/sim/index.ts, the simulator being written in parallel, at run time and checks its
// results with zod at this edge: when it is missing or its shapes differ from what grading reads
// (lib/grading/simulator.ts), the bank test says exactly that instead of failing to compile.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import type { SimRace, SimRunOptions, SimRunResult, Simulator } from "@/lib/grading/simulator";

const root = path.resolve(import.meta.dirname, "..", "..");
export const SIM_ENTRY = path.join(root, "lib", "sim", "index.ts");

const traceStep = z.looseObject({
  line: z.number().int(),
  frames: z.array(z.looseObject({ name: z.string(), locals: z.array(z.looseObject({ name: z.string(), objectId: z.number() })) })),
  objects: z.array(z.looseObject({ id: z.number(), type: z.string(), preview: z.string(), refcount: z.number().nullable(), refs: z.array(z.unknown()).optional() })),
  freed: z.array(z.number()),
  stdout: z.string(),
});
const runResult = z.looseObject({ stdout: z.string(), stderr: z.string(), exitCode: z.number().int(), trace: z.array(traceStep).optional() });
const raceResult = z.looseObject({ finalValues: z.array(z.number()), schedules: z.array(z.looseObject({ value: z.number(), steps: z.array(z.string()) })).optional(), error: z.string().optional() });

function firstIssue(error: z.ZodError): string {
  const i = error.issues[0];
  return i ? `${i.path.join(".")}: ${i.message}` : "unknown";
}

type Fn = (...args: unknown[]) => unknown;
function fn(mod: unknown, name: string): Fn | null {
  if (typeof mod !== "object" || mod === null || !(name in mod)) return null;
  const f: unknown = Reflect.get(mod, name);
  return typeof f === "function" ? (...args: unknown[]) => Reflect.apply(f, mod, args) : null;
}

export type Loaded = { ok: true; sim: Simulator } | { ok: false; reason: string };

export async function loadSimulator(): Promise<Loaded> {
  if (!existsSync(SIM_ENTRY)) return { ok: false, reason: "lib/sim/index.ts does not exist yet: the simulator has not landed" };
  let mod: unknown;
  try {
    mod = await import(pathToFileURL(SIM_ENTRY).href);
  } catch (error) {
    return { ok: false, reason: `lib/sim/index.ts fails to load: ${(error as Error).message}` };
  }
  const run = fn(mod, "run");
  if (!run) return { ok: false, reason: "lib/sim/index.ts exports no run()" };
  const race = fn(mod, "enumerateRace");
  const sim: Simulator = {
    run(source: string, options?: SimRunOptions): SimRunResult {
      const r = runResult.safeParse(run(source, options));
      if (!r.success) return { stdout: "", stderr: `run() returned an unexpected shape: ${firstIssue(r.error)}`, exitCode: 70 };
      return r.data;
    },
  };
  if (race) {
    sim.enumerateRace = (source: string, options?: SimRunOptions): SimRace => {
      const r = raceResult.safeParse(race(source, options));
      if (!r.success) throw new Error(`enumerateRace() returned an unexpected shape: ${firstIssue(r.error)}`);
      return r.data;
    };
  }
  return { ok: true, sim };
}
