import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET, generateJoinCode, normalizeJoinCode } from "./join-code";
import { joinCourseSchema } from "./schema";

describe("join codes", () => {
  it("use 32 symbols without 0/O or 1/I", () => {
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(32);
    for (const ambiguous of ["0", "O", "1", "I"]) expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
  });

  it("are 8 symbols of the alphabet, and every symbol is reachable", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = generateJoinCode();
      expect(code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$/);
      for (const c of code) seen.add(c);
    }
    expect(seen.size).toBe(32);
  });

  it("map each random byte without bias (byte & 31)", () => {
    const bytes = Uint8Array.from([0, 31, 32, 255, 1, 2, 3, 4]);
    expect(generateJoinCode(() => bytes)).toBe("A9A9BCDE");
  });

  it("accept what students type: lower case, spaces, dashes", () => {
    expect(normalizeJoinCode(" k7qm-2xpa ")).toBe("K7QM2XPA");
    expect(joinCourseSchema.parse({ code: "k7qm 2xpa" })).toEqual({ code: "K7QM2XPA" });
    expect(joinCourseSchema.safeParse({ code: "K0QM2XPA" }).success).toBe(false); // 0 is never issued
    expect(joinCourseSchema.safeParse({ code: "K7QM2XP" }).success).toBe(false);
  });
});
