// The grading core's public surface. computeKey runs the simulator (lib/sim); everything else is
// pure. Pages and route handlers use these; the key they produce stays on the server.
import * as sim from "@/lib/sim/index";
import type { PythonVersion } from "@/lib/questions/mechanisms";
import type { QuestionDefinition } from "@/lib/questions/schema";
import type { Variant } from "@/lib/questions/variant";
import { computeKeyWith, type KeyResult } from "./key";
import type { Simulator } from "./simulator";

export { answerSchema, answerSchemaFor, answerSchemas, parseAnswer, type StudentAnswer } from "./answers";
export { computeKeyWith, type Key, type KeyAnswer, type KeyResult, type NotGradable } from "./key";
export { grade, expectedAnswer, type GradeResult } from "./grade";
export { MISCONCEPTIONS, detectMisconception, findMisconception, type Misconception } from "./misconceptions";
export { checkTemplate, primaryVersion } from "./check";
export { trivialityProblem } from "./nontrivial";
export { score } from "./score";
export { toStudentView, type StudentView } from "./student-view";
export type { Simulator } from "./simulator";

export const simulator: Simulator = { run: sim.run, enumerateRace: sim.enumerateRace };

/** The key of one variant under one Python version, from the simulator; never graded when not ok. */
export function computeKey(definition: QuestionDefinition, variant: Variant, python: PythonVersion): KeyResult {
  return computeKeyWith(simulator, definition, variant, python);
}
