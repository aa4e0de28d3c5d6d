import { describe, expect, it } from "vitest";
import { loadBank } from "@/lib/questions/load";
import { definitionToDraft, draftToDefinition, EMPTY_DRAFT, fieldOf, pretty, type Draft } from "./draft";

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
