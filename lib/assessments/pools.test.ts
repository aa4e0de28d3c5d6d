import { describe, expect, it } from "vitest";
import { assignedSlots } from "./pools";

const slots = [
  { id: "a", position: 1, poolKey: null },
  { id: "p1", position: 2, poolKey: "P" },
  { id: "p2", position: 3, poolKey: "P" },
  { id: "p3", position: 4, poolKey: "P" },
  { id: "z", position: 5, poolKey: null },
];

describe("assignedSlots", () => {
  it("keeps every unpooled slot and exactly one slot per pool, stably", () => {
    const mine = assignedSlots("user-1", "asmt", slots);
    expect(mine.map((s) => s.id).filter((id) => !id.startsWith("p"))).toEqual(["a", "z"]);
    expect(mine.filter((s) => s.poolKey === "P")).toHaveLength(1);
    expect(assignedSlots("user-1", "asmt", [...slots].reverse())).toEqual(mine);
  });
  it("spreads students over the pool", () => {
    const picked = new Set(Array.from({ length: 30 }, (_, i) => assignedSlots(`user-${i}`, "asmt", slots).find((s) => s.poolKey)?.id));
    expect(picked.size).toBe(3);
  });
});
