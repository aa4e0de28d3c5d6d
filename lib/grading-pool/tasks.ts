// What the main thread may ask a grading worker to do. Everything crosses the thread boundary by
// structured clone: definitions, variants and results are plain data.
import type { PythonVersion } from "@/lib/questions/mechanisms";
import type { QuestionDefinition } from "@/lib/questions/schema";
import type { Variant } from "@/lib/questions/variant";
import type { RunOptions } from "@/lib/sim/index";

export type GradingTask =
  | { kind: "key"; definition: QuestionDefinition; variant: Variant; python: PythonVersion; budget?: SimBudget }
  | { kind: "run"; source: string; options: RunOptions }
  | { kind: "lesson-check"; checkId: string; answer: unknown };

/** Tighter step and object budgets than the simulator's defaults (e.g. the authoring preview's). */
export type SimBudget = { maxSteps?: number; maxObjects?: number };
