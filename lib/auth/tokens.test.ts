import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bearerToken, generateToken, hashToken, TOKEN_PREFIX, tokenPrefix } from "./tokens";

describe("API tokens", () => {
  it("are prefixed, 256-bit random and distinct", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^hw_[A-Za-z0-9_-]{43}$/);
  });

  it("are stored as their sha256 in hex", () => {
    const token = generateToken();
    expect(hashToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashToken(token)).not.toContain(token.slice(TOKEN_PREFIX.length));
  });

  it("keep a short visible prefix that does not reveal the secret part", () => {
    const token = generateToken();
    expect(tokenPrefix(token)).toBe(token.slice(0, 9));
    expect(token.length - tokenPrefix(token).length).toBeGreaterThanOrEqual(37);
  });

  it.each([
    ["Bearer hw_abc", "hw_abc"],
    ["bearer hw_abc  ", "hw_abc"],
    ["Basic dXNlcjpwdw==", null],
    ["Bearer", null],
    ["Bearer a b", null],
    ["", null],
    [null, null],
  ])("reads %j as %j", (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
