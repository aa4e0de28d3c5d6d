// <RaceStepper start />: the threads lesson's race. The simulator enumerates every interleaving of
// the two Python programs on the server; the client steps through the notes' two schedules.
import { enumerateRace } from "@/lib/sim";
import { racePropsSchema } from "@/lib/lessons/props";
import { raceProgram } from "@/lib/lessons/race";
import { type RaceFinding, RaceStepperView } from "./race-stepper-view";

function find(start: number, withLock: boolean): RaceFinding {
  const code = raceProgram(start, withLock);
  const r = enumerateRace(code, { python: "3.12" });
  return { code, finalValues: [...r.finalValues].sort((a, b) => a - b), ...(r.error ? { error: r.error } : {}) };
}

export function RaceStepper(raw: Record<string, unknown>) {
  const { start } = racePropsSchema.parse(raw);
  return <RaceStepperView start={start} findings={[find(start, false), find(start, true)]} />;
}
