// The literal renderer behind lib/db/raw.ts `script`: every value either becomes a literal
// PostgreSQL reads back as the same value, or is refused.
import { describe, expect, it } from "vitest";
import { literal, SqlText } from "./raw";

describe("literal", () => {
  it("quotes strings, doubling quotes and (under E'') backslashes", () => {
    expect(literal`a = ${"x"}`.text).toBe("a = 'x'");
    expect(literal`a = ${"it's"}`.text).toBe("a = 'it''s'");
    expect(literal`a = ${"'; DROP TABLE \"Attempt\"; --"}`.text).toBe(`a = '''; DROP TABLE "Attempt"; --'`);
    expect(literal`a = ${"back\\slash'"}`.text).toBe("a =  E'back\\\\slash'''");
  });

  it("renders numbers, booleans and null, and embeds fragments as they are", () => {
    expect(literal`${-12} ${0.25} ${true} ${false} ${null} ${undefined}`.text).toBe("-12 0.25 TRUE FALSE NULL NULL");
    const where = literal`id = ${"v1"}`;
    expect(literal`SELECT 1 WHERE ${where}`.text).toBe("SELECT 1 WHERE id = 'v1'");
    expect(String(new SqlText("x"))).toBe("x");
  });

  it("refuses what it cannot render exactly", () => {
    expect(() => literal`${Number.NaN}`).toThrow(/finite/);
    expect(() => literal`${Number.POSITIVE_INFINITY}`).toThrow(/finite/);
    expect(() => literal`${{ a: 1 }}`).toThrow(/no SQL literal/);
    expect(() => literal`${new Date()}`).toThrow(/no SQL literal/);
  });
});
