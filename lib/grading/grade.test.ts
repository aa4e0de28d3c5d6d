import { describe, expect, it } from "vitest";
import { parseAnswer } from "./answers";
import { def, key, variantOf } from "./fixtures.test-helpers";
import { grade } from "./grade";

describe("grade: integer and boolean", () => {
  const d = def({ answer: { kind: "integer" } });
  const v = variantOf(d);
  it("is all or nothing", () => {
    expect(grade(d, v, { kind: "integer", value: 3 }, key({ kind: "integer", value: 3 }))).toMatchObject({ correct: true, score: 1, expected: { kind: "integer", value: 3 } });
    const wrong = grade(d, v, { kind: "integer", value: 4 }, key({ kind: "integer", value: 3 }));
    expect(wrong).toMatchObject({ correct: false, score: 0 });
    expect(wrong.feedback.summary).toContain("The answer is: 3");
  });
  it("grades booleans", () => {
    const b = def({ answer: { kind: "boolean" } });
    expect(grade(b, variantOf(b), { kind: "boolean", value: false }, key({ kind: "boolean", value: false })).score).toBe(1);
    expect(grade(b, variantOf(b), { kind: "boolean", value: true }, key({ kind: "boolean", value: false })).score).toBe(0);
  });
  it("refuses an answer of another kind (a caller bug, not a wrong answer)", () => {
    expect(() => grade(d, v, { kind: "boolean", value: true }, key({ kind: "integer", value: 3 }))).toThrow(/boolean/);
  });
});

describe("grade: output (per line)", () => {
  const d = def({ answer: { kind: "output" } });
  const v = variantOf(d);
  const k = key({ kind: "output", value: "[1, 2]\n3\nTrue" });
  it("ignores trailing spaces and blank lines", () => {
    expect(grade(d, v, { kind: "output", value: "[1, 2]  \r\n3\nTrue\n\n" }, k).correct).toBe(true);
  });
  it("gives credit per line at the same position", () => {
    expect(grade(d, v, { kind: "output", value: "[1, 2]\n4\nTrue" }, k).score).toBeCloseTo(2 / 3);
    expect(grade(d, v, { kind: "output", value: "[1, 2]" }, k).score).toBeCloseTo(1 / 3);
    expect(grade(d, v, { kind: "output", value: "[1, 2]\n3\nTrue\nextra" }, k).score).toBeCloseTo(3 / 4);
    expect(grade(d, v, { kind: "output", value: "" }, k).score).toBe(0);
  });
});

describe("grade: freed (per object)", () => {
  const d = def({
    code: "a = [1]  # (A)\nb = [2]  # (B)\ndel a\n",
    answer: { kind: "freed", targets: [{ id: "a", label: "list A", name: "a", at: "A" }, { id: "b", label: "list B", name: "b", at: "B" }] },
  });
  const v = variantOf(d);
  const k = key({ kind: "freed", value: { a: true, b: false } });
  it("scores each object", () => {
    expect(grade(d, v, { kind: "freed", freed: ["a"] }, k).score).toBe(1);
    expect(grade(d, v, { kind: "freed", freed: ["a", "b"] }, k).score).toBe(0.5);
    expect(grade(d, v, { kind: "freed", freed: [] }, k).score).toBe(0.5);
    expect(grade(d, v, { kind: "freed", freed: ["b"] }, k).score).toBe(0);
  });
  it("explains the right answer with the labels", () => {
    expect(grade(d, v, { kind: "freed", freed: ["b"] }, k).feedback.summary).toContain("list A: freed; list B: alive");
  });
});

describe("grade: race (Jaccard)", () => {
  const d = def({ answer: { kind: "race" } });
  const v = variantOf(d);
  const k = key({ kind: "race", value: [1, 2] });
  it("is |A∩K| / |A∪K|", () => {
    expect(grade(d, v, { kind: "race", values: [2, 1] }, k).score).toBe(1);
    expect(grade(d, v, { kind: "race", values: [2] }, k).score).toBe(0.5);
    expect(grade(d, v, { kind: "race", values: [1, 2, 3] }, k).score).toBeCloseTo(2 / 3);
    expect(grade(d, v, { kind: "race", values: [3] }, k).score).toBe(0);
  });
});

describe("grade: choice and multi (authored keys, shuffled options)", () => {
  const c = def({ code: "", answer: { kind: "choice", options: ["right", "w1", "w2", "w3"], correct: 0 } });
  it("maps the displayed index back through the shuffle", () => {
    for (let seed = 0; seed < 10; seed++) {
      const v = variantOf(c, seed);
      const shown = v.optionOrder ?? [];
      const rightAt = shown.indexOf(0);
      expect(grade(c, v, { kind: "choice", choice: rightAt }, key({ kind: "choice", value: 0 })).correct).toBe(true);
      expect(grade(c, v, { kind: "choice", choice: (rightAt + 1) % 4 }, key({ kind: "choice", value: 0 })).correct).toBe(false);
      expect(grade(c, v, { kind: "choice", choice: (rightAt + 1) % 4 }, key({ kind: "choice", value: 0 })).feedback.summary).toContain("The answer is: right");
    }
  });
  const m = def({ code: "", answer: { kind: "multi", options: ["t1", "t2", "f1", "f2"], correct: [0, 1] } });
  it("gives credit per option", () => {
    const v = variantOf(m, 5);
    const at = (original: number) => (v.optionOrder ?? []).indexOf(original);
    const k = key({ kind: "multi", value: [0, 1] });
    expect(grade(m, v, { kind: "multi", selected: [at(0), at(1)] }, k).score).toBe(1);
    expect(grade(m, v, { kind: "multi", selected: [at(0)] }, k).score).toBe(0.75);
    expect(grade(m, v, { kind: "multi", selected: [at(0), at(2)] }, k).score).toBe(0.5);
    expect(grade(m, v, { kind: "multi", selected: [at(0), at(1), at(2), at(3)] }, k).score).toBe(0.5);
    expect(grade(m, v, { kind: "multi", selected: [at(2), at(3)] }, k).score).toBe(0);
    expect(grade(m, v, { kind: "multi", selected: [at(0)] }, k).expected).toEqual({ kind: "multi", selected: [at(0), at(1)].sort((a, b) => a - b) });
  });
});

describe("grade: diagram (per name, by shared objects)", () => {
  const d = def({ code: "a = [1]\nb = a\nc = a[:]\nd = None  # (A)\n", answer: { kind: "diagram", at: "A", names: ["a", "b", "c", "e"] } });
  const v = variantOf(d);
  const k = key({ kind: "diagram", value: { a: 10, b: 10, c: 11, e: null } });
  it("accepts any box labels that give the same sharing", () => {
    expect(grade(d, v, { kind: "diagram", groups: { a: "x", b: "x", c: "y", e: null } }, k).score).toBe(1);
    expect(grade(d, v, { kind: "diagram", groups: { a: "B", b: "B", c: "A", e: null } }, k).score).toBe(1);
  });
  it("costs each name whose sharing is wrong", () => {
    // b drawn to its own box: a and b are both wrong (each has the wrong partner set).
    expect(grade(d, v, { kind: "diagram", groups: { a: "x", b: "z", c: "y", e: null } }, k).score).toBe(0.5);
    // everything in one box and e bound: every name has the wrong partners.
    expect(grade(d, v, { kind: "diagram", groups: { a: "x", b: "x", c: "x", e: "x" } }, k).score).toBe(0);
  });
  it("renders the expected diagram with boxes A, B in order", () => {
    expect(grade(d, v, { kind: "diagram", groups: { a: "x", b: "x", c: "x", e: null } }, k).expected).toEqual({ kind: "diagram", groups: { a: "A", b: "A", c: "B", e: null } });
  });
});

describe("feedback", () => {
  it("passes the key moment through and names the version", () => {
    const d = def({ answer: { kind: "integer" } });
    const moment = { line: 1, source: "print(1)", why: "the print whose value you predicted", frames: [], objects: [], freed: [] };
    const g = grade(d, variantOf(d), { kind: "integer", value: 2 }, key({ kind: "integer", value: 1 }, { moment }));
    expect(g.feedback.keyMoment).toEqual(moment);
    expect(g.feedback.summary).toContain("Python 3.12");
  });
});

describe("answers are validated before grading", () => {
  const d = def({ code: "a = [1]  # (A)\n", answer: { kind: "freed", targets: [{ id: "a", label: "list A", name: "a", at: "A" }] } });
  const v = variantOf(d);
  it("rejects wrong types with clear messages", () => {
    const i = def({ answer: { kind: "integer" } });
    expect(parseAnswer(i, variantOf(i), { kind: "integer", value: "3" })).toEqual({ ok: false, errors: ["value: the answer must be a number"] });
    expect(parseAnswer(i, variantOf(i), { kind: "integer", value: 2.5 })).toEqual({ ok: false, errors: ["value: the answer must be a whole number"] });
    const b = def({ answer: { kind: "boolean" } });
    expect(parseAnswer(b, variantOf(b), { kind: "boolean", value: "True" })).toEqual({ ok: false, errors: ["value: the answer must be True or False"] });
  });
  it("rejects another kind, extra fields and unknown targets", () => {
    expect(parseAnswer(d, v, { kind: "integer", value: 3 }).ok).toBe(false);
    expect(parseAnswer(d, v, { kind: "freed", freed: ["a"], key: true }).ok).toBe(false);
    expect(parseAnswer(d, v, { kind: "freed", freed: ["zzz"] })).toEqual({ ok: false, errors: ["freed: an answer names an object this question does not ask about"] });
    expect(parseAnswer(d, v, { kind: "freed", freed: ["a"] })).toEqual({ ok: true, answer: { kind: "freed", freed: ["a"] } });
  });
  it("checks option indices and diagram names", () => {
    const c = def({ code: "", answer: { kind: "choice", options: ["a", "b"], correct: 0 } });
    expect(parseAnswer(c, variantOf(c), { kind: "choice", choice: 2 }).ok).toBe(false);
    const m = def({ code: "", answer: { kind: "multi", options: ["a", "b", "c"], correct: [0] } });
    expect(parseAnswer(m, variantOf(m), { kind: "multi", selected: [1, 1] }).ok).toBe(false);
    const g = def({ code: "a = 1\nb = a  # (A)\n", answer: { kind: "diagram", at: "A", names: ["a", "b"] } });
    expect(parseAnswer(g, variantOf(g), { kind: "diagram", groups: { a: "x" } }).ok).toBe(false);
    expect(parseAnswer(g, variantOf(g), { kind: "diagram", groups: { a: "x", b: null } }).ok).toBe(true);
  });
  it("rejects races with no values or non-integers", () => {
    const r = def({ answer: { kind: "race" } });
    expect(parseAnswer(r, variantOf(r), { kind: "race", values: [] })).toEqual({ ok: false, errors: ["values: give at least one possible value"] });
    expect(parseAnswer(r, variantOf(r), { kind: "race", values: [1.5] }).ok).toBe(false);
  });
});
