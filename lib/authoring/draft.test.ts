import { describe, expect, it } from "vitest";
import { loadBank } from "@/lib/questions/load";
import { definitionToDraft, draftToDefinition, EMPTY_DRAFT, fieldOf, paramsProblems, pretty, type Draft } from "./draft";

const draft = (over: Partial<Draft>): Draft => ({ ...EMPTY_DRAFT, slug: "alias-len", title: "Alias length", ...over });

describe("draftToDefinition: errors land on the field that caused them", () => {
  it("accepts the starter draft once it has a slug and title", () => {
    const r = draftToDefinition(draft({}));
    expect(r.ok).toBe(true);
  });

  it.each([
    [{ params: '{"n": {"int": [9, 1]}}' }, "params", /n\.int: int range must be \[low, high\]/],
    [{ params: '{"n": {"int": [1, 9]' }, "params", /not valid JSON/],
    [{ params: '{"1n": {"int": [1, 9]}}' }, "params", /^1n: Invalid key/],
    [{ code: "print({{m}})\n" }, "code", /placeholder \{\{m\}\} names no parameter/],
    [{ slug: "Not A Slug" }, "slug", /lowercase words/],
    [{ title: "ab" }, "title", /.+/],
    [{ answerKind: "diagram", answerSettings: '{"at": "B", "names": ["a", "b"]}' }, "answerSettings", /at: no line is marked # \(B\)/],
    [{ answerKind: "integer", answerSettings: '{"line": "last"}' }, "answerSettings", /^line: /],
    [{ answerKind: "guess" }, "answerKind", /one of integer/],
    [{ answerSettings: "[1]" }, "answerSettings", /JSON object/],
    [{ constantAnswerReason: "short" }, "constantAnswerReason", /.+/],
  ] as const)("%j -> %s", (over, field, message) => {
    const r = draftToDefinition(draft(over));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors)).toEqual([field]);
    expect(r.errors[field]?.join(" ")).toMatch(message);
  });

  it("maps issue paths without a field of their own to the form", () => {
    expect(fieldOf([], "bad")).toEqual({ field: "_form", message: "bad" });
    expect(fieldOf(["answer", "kind"], "bad").field).toBe("answerKind");
    expect(fieldOf(["answer", "targets", 0, "at"], "bad")).toEqual({ field: "answerSettings", message: "targets.0.at: bad" });
    expect(fieldOf(["params", "n", "distinctFrom"], "bad")).toEqual({ field: "params", message: "n.distinctFrom: bad" });
    expect(fieldOf(["nonsense"], "bad")).toEqual({ field: "_form", message: "nonsense: bad" });
  });

  it("round-trips every template of the bank through the editor's form unchanged", () => {
    const bank = loadBank();
    expect(bank.length).toBeGreaterThan(80);
    for (const { definition } of bank) {
      const back = draftToDefinition(definitionToDraft(definition));
      expect(back.ok && back.definition, definition.slug).toEqual(definition);
    }
  });

  it("writes parameters as authors do: arrays of scalars on one line", () => {
    expect(pretty({ n: { int: [1, 9], distinctFrom: ["m"] } })).toBe('{\n  "n": {\n    "int": [1, 9],\n    "distinctFrom": ["m"]\n  }\n}');
  });
});

describe("paramsProblems: the parameters field judged on its own, before a save is sent", () => {
  it.each([
    ['{"n": {"int": [1, 9]}}', []],
    ["", []],
    ['{"w": {"choice": ["a", "b"]}, "n": {"int": [1, 9], "distinctFrom": ["w"]}}', []],
  ] as const)("accepts %j", (text, expected) => {
    expect(paramsProblems(text)).toEqual(expected);
  });

  it.each([
    ['{"n": {"int": [1, 9]', /^not valid JSON: /],
    ["[1, 2]", /^the parameters are a JSON object of name: spec/],
    ['"n"', /^the parameters are a JSON object/],
    ['{"n": {"int": [9, 1]}}', /^n\.int: int range must be \[low, high\]/],
    ['{"1n": {"int": [1, 9]}}', /^1n: /],
  ] as const)("refuses %j with a message for the field", (text, message) => {
    const problems = paramsProblems(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join(" ")).toMatch(message);
  });

  it("says the same as the whole-definition check does for the field", () => {
    const text = '{"n": {"int": [9, 1]}}';
    const whole = draftToDefinition(draft({ params: text }));
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(paramsProblems(text)).toEqual(whole.errors.params);
  });
});
