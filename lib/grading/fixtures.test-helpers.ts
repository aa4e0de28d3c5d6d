// Small definitions and hand-built keys for the pure grading tests (no simulator involved: these
// tests check scoring and feedback given a key; the keys themselves are tested against real
// CPython in test/questions and against the simulator in the bank test).
import { questionDefinitionSchema, type QuestionDefinition, type QuestionDefinitionInput } from "@/lib/questions/schema";
import { makeVariant, type Variant } from "@/lib/questions/variant";
import type { Key, KeyAnswer } from "./key";

export function def(input: Partial<QuestionDefinitionInput> & Pick<QuestionDefinitionInput, "answer">): QuestionDefinition {
  return questionDefinitionSchema.parse({
    slug: "fixture",
    title: "Fixture question",
    mechanism: "refcount",
    prompt: "Predict what the program prints.",
    code: "print(1)\n",
    ...input,
  });
}

export function variantOf(d: QuestionDefinition, seed = 1): Variant {
  return makeVariant(d, seed);
}

export function key(answer: KeyAnswer, extra: Partial<Key> = {}): Key {
  return { python: "3.12", mode: "script", answer, alternatives: [], ...extra };
}
