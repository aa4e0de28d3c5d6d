// The props each lesson component accepts from MDX. MDX hands components whatever the author
// typed, so the components parse their props with these schemas and a typo fails loudly (in the
// lesson tests and at render) instead of rendering a half-empty widget.
import { z } from "zod";
import { PYTHON_VERSIONS } from "@/lib/questions/mechanisms";
import { modeSchema, pythonVersionSchema } from "./meta";

const code = z.string().min(1).refine((s) => !s.includes("\t"), { error: "indent Python with spaces" });

export const predictPropsSchema = z.object({
  code,
  /** Exactly what the program prints (without the final newline). */
  output: z.string(),
  /** The versions on which `output` holds; every version when omitted. */
  versions: z.array(pythonVersionSchema).min(1).default([...PYTHON_VERSIONS]),
  mode: modeSchema.default("script"),
  /**
   * Why the simulator may decline this program (exit 2) on some versions: a fact real CPython
   * shows (and the lesson tests check there) that depends on state the simulator does not model.
   */
  unsimulated: z.string().min(10).optional(),
});
export type PredictProps = z.infer<typeof predictPropsSchema>;

export const DEFAULT_PYTHON = "3.12" as const;

export const stepperPropsSchema = z.object({
  code,
  python: pythonVersionSchema.default(DEFAULT_PYTHON),
  mode: modeSchema.default("script"),
});
export type StepperProps = z.infer<typeof stepperPropsSchema>;

export const racePropsSchema = z.object({
  start: z.number().int().min(0).max(1000).default(1),
});

export const checkPropsSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
});
