// checkTemplate on the real simulator: what the bank test and the authoring page rely on.
import { describe, expect, it } from "vitest";
import { checkTemplate, simulator } from "@/lib/grading";
import { questionDefinitionSchema, type QuestionDefinitionInput } from "@/lib/questions/schema";

const def = (input: Partial<QuestionDefinitionInput> & Pick<QuestionDefinitionInput, "answer" | "code">) =>
  questionDefinitionSchema.parse({ slug: "draft", title: "Draft question", mechanism: "mutable", prompt: "What does it print?", ...input });
const opts = { seeds: 20, otherSeeds: 2 };

describe("checkTemplate", () => {
  it("passes a sound template", () => {
    const d = def({ code: "a = [{{n}}]\nb = {{rhs}}\nprint(a is b)\n", params: { n: { int: [1, 9] }, rhs: { choice: ["a", "a[:]"] } }, answer: { kind: "boolean" } });
    expect(checkTemplate(simulator, d, opts)).toEqual([]);
  });
  it("flags a boolean that is the same on every seed", () => {
    const d = def({ code: "a = [{{n}}]\nb = a\nprint(a is b)\n", params: { n: { int: [1, 9] } }, answer: { kind: "boolean" } });
    expect(checkTemplate(simulator, d, opts)).toEqual([expect.stringMatching(/^trivial on 3\.12: the key is true for every seed/)]);
  });
  it("flags a constantAnswer that is not constant", () => {
    const d = def({ code: "print({{n}})\n", params: { n: { int: [1, 9] } }, answer: { kind: "integer" }, constantAnswer: { reason: "claimed, but not true at all" } });
    expect(checkTemplate(simulator, d, opts)[0]).toMatch(/declares constantAnswer, but the key takes \d+ values/);
  });
  it("flags code outside the simulator's subset, naming the seed and version", () => {
    const d = def({ code: "with open('f.txt') as f:\n    print({{n}})\n", params: { n: { int: [1, 9] } }, answer: { kind: "integer" } });
    expect(checkTemplate(simulator, d, opts)[0]).toMatch(/^seed 0 on 3\.12: unsupported: /);
  });
  it("flags an unexpected exception", () => {
    const d = def({ code: "a = [{{n}}]\nprint(a[5])\n", params: { n: { int: [1, 9] } }, answer: { kind: "integer" } });
    expect(checkTemplate(simulator, d, opts)[0]).toBe("seed 0 on 3.12: exception: the code raised: IndexError: list index out of range");
  });
});
