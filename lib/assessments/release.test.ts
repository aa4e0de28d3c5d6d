import { describe, expect, it } from "vitest";
import { isReleased } from "./release";

const closesAt = new Date("2026-12-01T12:00:00Z");
const before = new Date("2026-12-01T11:00:00Z");
const after = new Date("2026-12-01T12:00:00Z");
const quiz = (releasePolicy: "IMMEDIATELY" | "AFTER_SUBMISSION" | "AFTER_CLOSE") => ({ kind: "QUIZ" as const, releasePolicy, closesAt });
const homework = (releasePolicy: "IMMEDIATELY" | "AFTER_SUBMISSION" | "AFTER_CLOSE") => ({ kind: "HOMEWORK" as const, releasePolicy, closesAt });
const running = { finishedAt: null, deadlineAt: new Date("2026-12-01T11:30:00Z") };

describe("isReleased", () => {
  it("releases everything at the close date, whatever the policy", () => {
    for (const p of ["IMMEDIATELY", "AFTER_SUBMISSION", "AFTER_CLOSE"] as const) {
      expect(isReleased(quiz(p), running, after)).toBe(true);
      expect(isReleased(homework(p), null, after)).toBe(true);
    }
  });
  it("AFTER_CLOSE hides until the close date", () => {
    expect(isReleased(quiz("AFTER_CLOSE"), { finishedAt: before, deadlineAt: before }, before)).toBe(false);
    expect(isReleased(homework("AFTER_CLOSE"), null, before)).toBe(false);
  });
  it("AFTER_SUBMISSION waits for a quiz sitting to finish or run out of time", () => {
    expect(isReleased(quiz("AFTER_SUBMISSION"), null, before)).toBe(false);
    expect(isReleased(quiz("AFTER_SUBMISSION"), running, before)).toBe(false);
    expect(isReleased(quiz("AFTER_SUBMISSION"), { ...running, finishedAt: before }, before)).toBe(true);
    expect(isReleased(quiz("AFTER_SUBMISSION"), running, new Date("2026-12-01T11:30:00Z"))).toBe(true);
    expect(isReleased(homework("AFTER_SUBMISSION"), null, before)).toBe(true);
  });
  it("IMMEDIATELY releases at once", () => {
    expect(isReleased(quiz("IMMEDIATELY"), running, before)).toBe(true);
  });
});
