// answerSchemaFor keeps the schemas it makes (one per answer spec and option count): the kept one
// must be the same for the same question, and never one made for another option count.
import { describe, expect, it } from "vitest";
import { answerSchemaFor, parseAnswer } from "./answers";
import { def, variantOf } from "./fixtures.test-helpers";

describe("the answer schema of a question", () => {
  const c = def({ code: "", answer: { kind: "choice", options: ["a", "b", "c"], correct: 0 } });

  it("is made once per question and option count", () => {
    const v = variantOf(c);
    expect(answerSchemaFor(c, v)).toBe(answerSchemaFor(c, variantOf(c, 2)));
    expect(answerSchemaFor(c, { ...v, optionOrder: [1, 0] })).not.toBe(answerSchemaFor(c, { ...v, optionOrder: [2, 1, 0] }));
  });

  it("still checks each variant's own option count, whichever was asked first", () => {
    const v = variantOf(c);
    const two = { ...v, optionOrder: [1, 0] };
    const three = { ...v, optionOrder: [2, 1, 0] };
    for (let round = 0; round < 2; round++) {
      expect(parseAnswer(c, three, { kind: "choice", choice: 2 })).toEqual({ ok: true, answer: { kind: "choice", choice: 2 } });
      expect(parseAnswer(c, two, { kind: "choice", choice: 2 })).toEqual({ ok: false, errors: ["choice: choose one of the 2 options"] });
    }
    const other = def({ code: "", answer: { kind: "choice", options: ["a", "b"], correct: 0 } });
    expect(parseAnswer(other, variantOf(other), { kind: "choice", choice: 2 }).ok).toBe(false);
  });
});
