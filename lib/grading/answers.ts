// What a student may submit, per answer kind. Everything from the browser goes through these
// schemas first; a malformed answer is rejected with a message that says what was expected and
// costs no attempt (the caller decides that).
import { z } from "zod";
import type { AnswerKind, QuestionDefinition } from "@/lib/questions/schema";
import type { Variant } from "@/lib/questions/variant";

const int = (what: string) => z.number({ error: `${what} must be a number` }).int({ error: `${what} must be a whole number` });

export const answerSchemas = {
  integer: z.strictObject({ kind: z.literal("integer"), value: int("the answer").min(-(2 ** 53)).max(2 ** 53) }),
  boolean: z.strictObject({ kind: z.literal("boolean"), value: z.boolean({ error: "the answer must be True or False" }) }),
  output: z.strictObject({ kind: z.literal("output"), value: z.string({ error: "the answer must be text" }).max(20_000, { error: "the output is too long" }) }),
  freed: z.strictObject({ kind: z.literal("freed"), freed: z.array(z.string(), { error: "list the objects you think are freed" }).max(16) }),
  race: z.strictObject({ kind: z.literal("race"), values: z.array(int("each value"), { error: "list the possible final values" }).min(1, { error: "give at least one possible value" }).max(64) }),
  choice: z.strictObject({ kind: z.literal("choice"), choice: int("the choice").min(0) }),
  multi: z.strictObject({ kind: z.literal("multi"), selected: z.array(int("each selection").min(0)).max(16) }),
  /** name -> the box the student connected it to (any label), or null for "not bound". */
  diagram: z.strictObject({ kind: z.literal("diagram"), groups: z.record(z.string(), z.string().max(40).nullable()) }),
} satisfies Record<AnswerKind, z.ZodType>;

/** Any kind of answer, by its `kind`: for stored answers and keys, read back at an edge. */
export const anyAnswerSchema = z.discriminatedUnion("kind", [
  answerSchemas.integer,
  answerSchemas.boolean,
  answerSchemas.output,
  answerSchemas.freed,
  answerSchemas.race,
  answerSchemas.choice,
  answerSchemas.multi,
  answerSchemas.diagram,
]);

export type StudentAnswer = { [K in AnswerKind]: z.infer<(typeof answerSchemas)[K]> }[AnswerKind];
export type AnswerOf<K extends AnswerKind> = z.infer<(typeof answerSchemas)[K]>;

export function answerSchema<K extends AnswerKind>(kind: K): (typeof answerSchemas)[K] {
  return answerSchemas[kind];
}

/** The schema for this question's answers: the kind's shape plus the ids and indices it may use. */
export function answerSchemaFor(definition: QuestionDefinition, variant: Variant): z.ZodType<StudentAnswer> {
  // A refined schema is made once per answer spec and option count, not per call: building one
  // (and zod's compiling it on its first parse) cost more CPU than the parse on every submission.
  const a = definition.answer;
  const size = variant.optionOrder?.length ?? -1;
  const made = schemasFor.get(a);
  const hit = made?.get(size);
  if (hit) return hit;
  const schema = makeAnswerSchema(definition, variant);
  if (made) made.set(size, schema);
  else schemasFor.set(a, new Map([[size, schema]]));
  return schema;
}

// Keyed by the definition's answer spec (definitions are parsed once per version and kept), then
// by the variant's option count, the only thing of the variant a schema depends on.
const schemasFor = new WeakMap<QuestionDefinition["answer"], Map<number, z.ZodType<StudentAnswer>>>();

function makeAnswerSchema(definition: QuestionDefinition, variant: Variant): z.ZodType<StudentAnswer> {
  const a = definition.answer;
  switch (a.kind) {
    case "freed": {
      const ids = new Set(a.targets.map((t) => t.id));
      return answerSchemas.freed.refine((x) => x.freed.every((f) => ids.has(f)), { error: "an answer names an object this question does not ask about", path: ["freed"] });
    }
    case "choice": {
      const n = variant.optionOrder?.length ?? a.options.length;
      return answerSchemas.choice.refine((x) => x.choice < n, { error: `choose one of the ${n} options`, path: ["choice"] });
    }
    case "multi": {
      const n = variant.optionOrder?.length ?? a.options.length;
      return answerSchemas.multi.refine((x) => x.selected.every((s) => s < n) && new Set(x.selected).size === x.selected.length, { error: `select distinct options among the ${n}`, path: ["selected"] });
    }
    case "diagram": {
      const names = new Set(a.names);
      return answerSchemas.diagram.refine((x) => Object.keys(x.groups).length === names.size && Object.keys(x.groups).every((n) => names.has(n)), {
        error: `connect each of ${a.names.join(", ")} to an object (or mark it unbound)`,
        path: ["groups"],
      });
    }
    default:
      return answerSchemas[a.kind];
  }
}

export function parseAnswer(definition: QuestionDefinition, variant: Variant, input: unknown): { ok: true; answer: StudentAnswer } | { ok: false; errors: string[] } {
  const r = answerSchemaFor(definition, variant).safeParse(input);
  if (r.success) {
    if (r.data.kind !== definition.answer.kind) return { ok: false, errors: [`kind: this question takes a ${definition.answer.kind} answer`] };
    return { ok: true, answer: r.data };
  }
  return { ok: false, errors: r.error.issues.map((i) => `${i.path.join(".") || "answer"}: ${i.message}`) };
}
