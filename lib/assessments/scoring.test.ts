import { describe, expect, it } from "vitest";
import { pointsFor, slotScore, total } from "./scoring";

const at = (score: number, minute: number) => ({ score, createdAt: new Date(Date.UTC(2026, 10, 1, 10, minute)) });

describe("slotScore", () => {
  it("BEST keeps the highest score, LAST the latest", () => {
    const attempts = [at(0.5, 1), at(1, 2), at(0.25, 3)];
    expect(slotScore(attempts, "BEST")).toBe(1);
    expect(slotScore(attempts, "LAST")).toBe(0.25);
    expect(slotScore([at(0.25, 3), at(1, 2)], "LAST")).toBe(0.25);
  });
  it("is null without attempts", () => {
    expect(slotScore([], "BEST")).toBeNull();
  });
});

describe("points", () => {
  it("scales partial credit by the slot's points and clamps to [0, 1]", () => {
    expect(pointsFor(1 / 3, 3)).toBe(1);
    expect(pointsFor(0.5, 2)).toBe(1);
    expect(pointsFor(1.5, 2)).toBe(2);
    expect(total([{ points: 2, score: 0.5 }, { points: 3, score: null }, { points: 1, score: 1 }])).toEqual({ earned: 2, possible: 6 });
  });
});
