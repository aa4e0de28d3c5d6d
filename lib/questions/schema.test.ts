import { describe, expect, it } from "vitest";
import { parseDefinition, questionDefinitionSchema } from "./schema";

const good = {
  slug: "alias-demo",
  title: "Alias demo",
  mechanism: "mutable",
  prompt: "What does the program print for {{n}}?",
  code: "a = [{{n}}]\nb = a\nprint(a is b)\n",
  params: { n: { int: [1, 5] } },
  answer: { kind: "boolean" },
};

function errors(input: unknown): string[] {
  const r = parseDefinition(input);
  return r.ok ? [] : r.errors;
}

describe("question definition schema", () => {
  it("accepts a minimal template and fills defaults", () => {
    const d = questionDefinitionSchema.parse(good);
    expect(d.mode).toBe("script");
    expect(d.expectsException).toBe(false);
    expect(d.answer).toEqual({ kind: "boolean", from: "stdout-line", line: -1 });
  });

  it("rejects an unknown mechanism with its path", () => {
    expect(errors({ ...good, mechanism: "magic" })).toEqual([expect.stringMatching(/^mechanism: /)]);
  });

  it("rejects an unknown answer kind at answer.kind", () => {
    expect(errors({ ...good, answer: { kind: "essay" } }).some((e) => e.startsWith("answer.kind:"))).toBe(true);
  });

  it("rejects a placeholder that names no parameter, in code and in prompt", () => {
    const e = errors({ ...good, prompt: "What about {{m}} here?", code: "x = {{k}}\nprint(x is x)" });
    expect(e).toContain("prompt: placeholder {{m}} names no parameter");
    expect(e).toContain("code: placeholder {{k}} names no parameter");
  });

  it("rejects arbitrary code as a parameter and an inverted range", () => {
    expect(errors({ ...good, params: { n: { js: "Math.random()" } } }).some((e) => e.startsWith("params.n"))).toBe(true);
    expect(errors({ ...good, params: { n: { int: [5, 1] } } })).toContain("params.n.int: int range must be [low, high] with low <= high");
  });

  it("rejects parameter values with newlines, which would move marked lines", () => {
    expect(errors({ ...good, params: { n: { choice: ["1\nprint(2)"] } } }).some((e) => e.startsWith("params.n"))).toBe(true);
  });

  it("rejects distinctFrom cycles and unknown names", () => {
    const params = { a: { int: [1, 5], distinctFrom: ["b"] }, b: { int: [1, 5], distinctFrom: ["a"] } };
    expect(errors({ ...good, params, prompt: "Values {{a}} and {{b}}." })).toContain("params: distinctFrom forms a cycle");
    expect(errors({ ...good, params: { n: { int: [1, 5], distinctFrom: ["zz"] } } })).toContain("params.n.distinctFrom: distinctFrom names no other parameter: zz");
  });

  it("requires markers for diagram and freed answers", () => {
    const diagram = { ...good, answer: { kind: "diagram", at: "A", names: ["a", "b"] } };
    expect(errors(diagram)).toContain("answer.at: no line is marked # (A)");
    expect(errors({ ...diagram, code: "a = [{{n}}]\nb = a  # (A)\n" })).toEqual([]);
    const freed = { ...good, answer: { kind: "freed", targets: [{ id: "x", label: "x", name: "a", at: "B" }] } };
    expect(errors(freed)).toContain("answer.targets.0.at: no line is marked # (B)");
  });

  it("checks the authored key of concept questions against the options", () => {
    const choice = { ...good, code: "", params: {}, prompt: "Pick the right one.", answer: { kind: "choice", options: ["a", "b"], correct: 2 } };
    expect(errors(choice)).toContain("answer.correct: correct is not an option index");
    const multi = { ...choice, answer: { kind: "multi", options: ["a", "b", "c"], correct: [0, 3] } };
    expect(errors(multi)).toContain("answer.correct.1: correct is not an option index");
  });

  it("requires code for simulated kinds but not for concept questions", () => {
    expect(errors({ ...good, code: "", params: {}, prompt: "Predict the output." })).toContain("code: a boolean question needs code to simulate");
    expect(errors({ ...good, code: "", params: {}, prompt: "Pick the right one.", answer: { kind: "choice", options: ["a", "b"], correct: 1 } })).toEqual([]);
  });

  it("rejects unknown fields instead of ignoring them", () => {
    expect(errors({ ...good, key: 3 })).toEqual([expect.stringMatching(/key/)]);
  });
});
