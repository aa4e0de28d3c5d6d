// The small pure checks at the edge: text, client address, CSRF origin, CSP.
import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";
import { contentSecurityPolicy, nonce } from "./csp";
import { crossSiteProblem } from "./origin";
import { hasBidiControls, textProblem } from "./text";

describe("textProblem", () => {
  it("refuses NUL and unpaired surrogates anywhere in a value, keys included", () => {
    expect(textProblem({ a: ["ok", { b: "x\u0000y" }] })).toMatch(/NUL/);
    expect(textProblem("\uD800")).toMatch(/surrogate/);
    expect(textProblem("x\uDC00")).toMatch(/surrogate/);
    expect(textProblem({ "\u0000": 1 })).toMatch(/NUL/);
  });

  it("accepts any well-formed text: emoji (paired surrogates), RTL, injection strings", () => {
    expect(textProblem({ a: "🐍 שלום \u202E '; DROP TABLE \"User\"; -- <img src=x onerror=alert(1)>", n: 1, t: true, z: null })).toBeNull();
    expect(hasBidiControls("Ada\u202Egnirut")).toBe(true);
    expect(hasBidiControls("שלום Ada")).toBe(false);
  });
});

describe("clientIp", () => {
  it("takes the last X-Forwarded-For entry (the one the nearest proxy wrote), bounded", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp({ "x-forwarded-for": "::1" })).toBe("::1");
    expect(clientIp({ "x-real-ip": "198.51.100.2" })).toBe("198.51.100.2");
    expect(clientIp({})).toBe("unknown");
    expect(clientIp({ "x-forwarded-for": "9".repeat(500) })).toHaveLength(64);
  });
});

describe("crossSiteProblem", () => {
  const req = (method: string, headers: Record<string, string>) => new Request("http://app.example/api/x", { method, headers: { host: "app.example", ...headers } });

  it("lets safe methods and same-origin requests through", () => {
    expect(crossSiteProblem(req("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBeNull();
    expect(crossSiteProblem(req("POST", { origin: "http://app.example", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteProblem(req("POST", {}))).toBeNull(); // not a browser: no ambient cookie to abuse
  });

  it("refuses a state-changing request from another site, by either header", () => {
    expect(crossSiteProblem(req("POST", { origin: "https://evil.example" }))).toMatch(/Cross-site/);
    expect(crossSiteProblem(req("DELETE", { "sec-fetch-site": "cross-site" }))).toMatch(/Cross-site/);
    expect(crossSiteProblem(req("POST", { "sec-fetch-site": "same-site", origin: "http://app.example" }))).toMatch(/Cross-site/);
    expect(crossSiteProblem(req("PUT", { origin: "null" }))).not.toBeNull();
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only, with no eval in production", () => {
    const value = nonce();
    expect(value).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonce()).not.toBe(value);
    const policy = contentSecurityPolicy(value, false);
    expect(policy).toContain(`script-src 'self' 'nonce-${value}' 'strict-dynamic'`);
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy(value, true)).toContain("'unsafe-eval'");
  });
});

describe("checkWaitSeconds (lesson checks, anyone may submit)", () => {
  it("limits an anonymous address and a user separately, after a burst", async () => {
    const { CHECK_BURST, checkWaitSeconds } = await import("./check-limit");
    const anon = { userId: null, ip: "203.0.113.50" };
    for (let i = 0; i < CHECK_BURST; i++) expect(checkWaitSeconds(anon, 1_000)).toBe(0);
    expect(checkWaitSeconds(anon, 1_000)).toBeGreaterThan(0);
    expect(checkWaitSeconds({ userId: null, ip: "203.0.113.51" }, 1_000)).toBe(0);
    expect(checkWaitSeconds({ userId: "u1", ip: "203.0.113.50" }, 1_000)).toBe(0); // signed in: keyed on the user
    expect(checkWaitSeconds(anon, 3_000)).toBe(0); // refilled
  });
});
