import { describe, expect, it } from "vitest";
import { answerText } from "./answer-text";

describe("answerText", () => {
  it("writes each answer kind as one line", () => {
    expect(answerText({ kind: "integer", value: -3 })).toBe("-3");
    expect(answerText({ kind: "boolean", value: false })).toBe("False");
    expect(answerText({ kind: "output", value: "1\n2\n" })).toBe("1 ⏎ 2");
    expect(answerText({ kind: "freed", freed: [] })).toBe("nothing freed");
    expect(answerText({ kind: "choice", choice: 0 })).toBe("choice 1");
    expect(answerText({ kind: "diagram", groups: { a: "A", b: null } })).toBe("a→A, b→unbound");
  });

  it("shows what it cannot read as its JSON", () => {
    expect(answerText({ kind: "integer", value: "x" })).toBe('{"kind":"integer","value":"x"}');
    expect(answerText(null)).toBe("null");
  });
});
