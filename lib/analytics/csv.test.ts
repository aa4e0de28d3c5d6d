import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";

describe("csv", () => {
  it("quotes fields with commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvLine(["x", 1.5, null, true])).toBe("x,1.5,,true\r\n");
  });

  it("defuses formulas in text but not in numbers", () => {
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell("+33")).toBe("'+33");
    expect(csvCell("-x")).toBe("'-x");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell(-2)).toBe("-2");
  });

  it("writes dates as ISO and drops non-finite numbers", () => {
    expect(csvCell(new Date("2026-03-02T10:00:00.000Z"))).toBe("2026-03-02T10:00:00.000Z");
    expect(csvCell(Number.NaN)).toBe("");
  });
});
