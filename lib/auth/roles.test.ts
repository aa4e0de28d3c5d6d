import { describe, expect, it } from "vitest";
import { hasRole } from "./roles";
import { safeReturnTo } from "./return-to";

describe("hasRole", () => {
  it("orders ADMIN above INSTRUCTOR above STUDENT", () => {
    expect(hasRole("STUDENT", "INSTRUCTOR")).toBe(false);
    expect(hasRole("INSTRUCTOR", "INSTRUCTOR")).toBe(true);
    expect(hasRole("ADMIN", "INSTRUCTOR")).toBe(true);
    expect(hasRole("INSTRUCTOR", "ADMIN")).toBe(false);
    expect(hasRole("STUDENT", "STUDENT")).toBe(true);
  });
});

describe("safeReturnTo", () => {
  it.each([
    ["/courses/abc?x=1", "/courses/abc?x=1"],
    ["//evil.example/x", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["https://evil.example", "/dashboard"],
    ["javascript:alert(1)", "/dashboard"],
    [undefined, "/dashboard"],
    [["/a", "/b"], "/dashboard"],
  ])("%j → %j", (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});
