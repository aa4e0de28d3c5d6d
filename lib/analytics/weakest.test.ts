import { describe, expect, it } from "vitest";
import type { MasteryCell } from "./mastery-heatmap";
import { weakestStudents } from "./weakest";

const cell = (userId: string, mechanism: string, earned: number, possible: number): MasteryCell => ({ userId, mechanism, earned, possible, share: earned / possible });

describe("weakestStudents", () => {
  const students = ["ann", "bob", "cyd", "dee", "eve"].map((id) => ({ id, name: id.toUpperCase() }));
  const cells = [
    cell("ann", "gc", 2, 2), // 100 %
    cell("bob", "gc", 0, 2),
    cell("bob", "refcount", 3, 3), // 3/5 = 60 %, not the mean of 0 % and 100 %
    cell("cyd", "gc", 1, 2), // 50 %
    cell("dee", "refcount", 1, 2), // 50 %, ties with cyd: by name
    // eve attempted nothing
  ];

  it("orders by overall share of points, ties by name, the unmeasured last", () => {
    expect(weakestStudents(students, cells, 10).map((s) => s.id)).toEqual(["cyd", "dee", "bob", "ann", "eve"]);
  });

  it("keeps only the first `limit`", () => {
    expect(weakestStudents(students, cells, 2).map((s) => s.id)).toEqual(["cyd", "dee"]);
  });
});
