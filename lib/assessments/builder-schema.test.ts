import { describe, expect, it } from "vitest";
import { assessmentInputSchema, type ExistingAssessment, parseUtc, slotIssues, toUtcInput, unfairChanges } from "./builder-schema";

const form = (over: Record<string, unknown> = {}) => ({
  courseId: "c1",
  title: "Homework 1",
  kind: "HOMEWORK",
  opensAt: "2026-12-01T09:00",
  closesAt: "2026-12-08T09:00",
  timeLimitMinutes: "",
  maxAttempts: "3",
  scorePolicy: "BEST",
  releasePolicy: "IMMEDIATELY",
  pythonVersion: "3.12",
  slots: JSON.stringify([{ questionId: "q1", points: "2", poolKey: "" }]),
  ...over,
});

const paths = (input: Record<string, unknown>) => {
  const parsed = assessmentInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
};

describe("assessment input", () => {
  it("reads the form: UTC dates, empty limits as null, slots from JSON", () => {
    const parsed = assessmentInputSchema.parse(form());
    expect(parsed.opensAt.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(parsed.timeLimitMinutes).toBeNull();
    expect(parsed.maxAttempts).toBe(3);
    expect(parsed.slots).toEqual([{ questionId: "q1", points: 2, poolKey: null }]);
  });

  it("accepts the API's shapes: ISO dates with a zone and a slot array", () => {
    const parsed = assessmentInputSchema.parse(form({ opensAt: "2026-12-01T10:00:00+01:00", slots: [{ questionId: "q1", points: 1, poolKey: "A" }], maxAttempts: null }));
    expect(parsed.opensAt.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(parsed.slots[0].poolKey).toBe("A");
    expect(parsed.maxAttempts).toBeNull();
  });

  it("puts each error at its field", () => {
    expect(paths(form({ closesAt: "2026-12-01T09:00" }))).toEqual(["closesAt"]);
    expect(paths(form({ closesAt: "2026-11-30T09:00" }))).toEqual(["closesAt"]);
    expect(paths(form({ opensAt: "tomorrow" }))).toEqual(["opensAt"]);
    expect(paths(form({ timeLimitMinutes: "30" }))).toEqual(["timeLimitMinutes"]);
    expect(paths(form({ kind: "QUIZ", timeLimitMinutes: "30" }))).toEqual([]);
    expect(paths(form({ kind: "QUIZ", timeLimitMinutes: "0" }))).toEqual(["timeLimitMinutes"]);
    expect(paths(form({ maxAttempts: "2.5" }))).toEqual(["maxAttempts"]);
    expect(paths(form({ pythonVersion: "2.7" }))).toEqual(["pythonVersion"]);
    expect(paths(form({ releasePolicy: "NEVER" }))).toEqual(["releasePolicy"]);
    expect(paths(form({ title: "x" }))).toEqual(["title"]);
    expect(paths(form({ slots: "{not json" }))).toEqual(["slots"]);
    expect(paths(form({ slots: JSON.stringify([{ questionId: "q1", points: "0", poolKey: "" }]) }))).toEqual(["slots.0.points"]);
  });

  it("round-trips a date through the UTC input value", () => {
    const d = new Date("2026-12-01T09:30:00Z");
    expect(parseUtc(toUtcInput(d))?.getTime()).toBe(d.getTime());
    expect(parseUtc("")).toBeNull();
  });
});

describe("slot rules", () => {
  it("refuse a question twice and unequal points within a pool", () => {
    const issues = slotIssues([
      { questionId: "a", points: 1, poolKey: "P" },
      { questionId: "b", points: 2, poolKey: "P" },
      { questionId: "a", points: 1, poolKey: null },
      { questionId: "c", points: 5, poolKey: null },
    ]);
    expect(issues.map((i) => i.path)).toEqual(["slots.1.points", "slots.2.questionId"]);
    expect(issues[1].message).toBe("This question is already question 1.");
  });
});

describe("unfairChanges", () => {
  const before = (attempts: number[], pools: (string | null)[] = [null, null, null]): ExistingAssessment => ({
    kind: "HOMEWORK",
    pythonVersion: "3.12",
    slots: ["s1", "s2", "s3"].map((id, i) => ({ id, questionId: `q${i + 1}`, title: `Q${i + 1}`, position: i + 1, points: 1, poolKey: pools[i], attempts: attempts[i] })),
  });
  type Slot = { id?: string; questionId: string; points: number; poolKey: string | null };
  const same = (b: ExistingAssessment): Slot[] => b.slots.map((s) => ({ id: s.id, questionId: s.questionId, points: s.points, poolKey: s.poolKey }));
  const after = (slots: Slot[], over: Partial<{ kind: "HOMEWORK" | "QUIZ"; pythonVersion: "3.12" | "3.13" }> = {}) => ({
    kind: "HOMEWORK" as const,
    pythonVersion: "3.12" as const,
    slots,
    ...over,
  });

  it("allows anything before the first attempt", () => {
    const b = before([0, 0, 0]);
    expect(unfairChanges(b, after([{ questionId: "q9", points: 4, poolKey: "X" }], { kind: "QUIZ", pythonVersion: "3.13" }))).toEqual([]);
  });

  it("refuses removing, re-pointing or re-weighting an answered slot, and says to regrade", () => {
    const b = before([2, 0, 0]);
    const slots = same(b);
    const removed = unfairChanges(b, after(slots.slice(1)));
    expect(removed).toHaveLength(1);
    expect(removed[0].message).toMatch(/"Q1" has 2 attempts and cannot be removed.*regrade/);
    expect(unfairChanges(b, after([{ ...slots[0], questionId: "q9" }, ...slots.slice(1)])).map((i) => i.path)).toEqual(["slots.0.questionId"]);
    expect(unfairChanges(b, after([{ ...slots[0], points: 3 }, ...slots.slice(1)])).map((i) => i.path)).toEqual(["slots.0.points"]);
    expect(unfairChanges(b, after(slots, { pythonVersion: "3.13" })).map((i) => i.path)).toEqual(["pythonVersion"]);
    expect(unfairChanges(b, after(slots, { kind: "QUIZ" })).map((i) => i.path)).toEqual(["kind"]);
  });

  it("allows removing an unanswered slot, reordering and adding outside attempted pools", () => {
    const b = before([2, 0, 0]);
    const [s1, s2, s3] = same(b);
    expect(unfairChanges(b, after([s3, s1, { questionId: "q7", points: 1, poolKey: null }]))).toEqual([]);
    expect(s2).toBeDefined();
  });

  it("keeps an attempted pool's members and order, since each student's draw hashes over them", () => {
    const b = before([0, 1, 0], ["P", "P", null]);
    const [s1, s2, s3] = same(b);
    expect(unfairChanges(b, after([s1, s2, s3]))).toEqual([]);
    expect(unfairChanges(b, after([s2, s1, s3])).map((i) => i.path)).toEqual(["slots"]);
    expect(unfairChanges(b, after([s1, s2, { ...s3, poolKey: "P" }])).map((i) => i.path)).toEqual(["slots"]);
    expect(unfairChanges(b, after([s2, s3])).map((i) => i.path)).toEqual(["slots"]);
  });

  it("refuses an id that is not one of the assessment's slots", () => {
    expect(unfairChanges(before([0, 0, 0]), after([{ id: "elsewhere", questionId: "q1", points: 1, poolKey: null }])).map((i) => i.path)).toEqual(["slots.0.questionId"]);
  });
});
