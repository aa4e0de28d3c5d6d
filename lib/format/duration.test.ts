import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration";

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [undefined, "—"],
    [Number.NaN, "—"],
    [-5, "—"],
    [0, "0 s"],
    [1, "<0.1 s"],
    [99, "<0.1 s"],
    [100, "0.1 s"],
    [449, "0.4 s"],
    [450, "0.5 s"],
    [999, "1.0 s"],
    [1_000, "1.0 s"],
    [9_949, "9.9 s"],
    [9_950, "10 s"],
    [12_400, "12 s"],
    [59_499, "59 s"],
    // Not "60 s": that is a minute.
    [59_500, "1.0 min"],
    [90_000, "1.5 min"],
    [59 * 60_000, "59.0 min"],
    [3_597_000, "1.0 h"],
    [5_400_000, "1.5 h"],
  ])("%s ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("never shows a non-zero time as zero, and never goes down as the time goes up", () => {
    const units = ["s", "min", "h"];
    let last = 0;
    for (let ms = 1; ms < 4 * 3_600_000; ms = Math.ceil(ms * 1.07)) {
      const text = formatDuration(ms);
      expect(text).not.toMatch(/^0(\.0)? /);
      const m = /^<?([\d.]+) (s|min|h)$/.exec(text);
      expect(m, text).not.toBeNull();
      if (!m) continue;
      const scaled = Number(m[1]) * 60 ** units.indexOf(m[2]);
      expect(scaled, text).toBeGreaterThanOrEqual(last);
      last = scaled;
    }
  });
});
