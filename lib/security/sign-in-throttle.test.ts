import { describe, expect, it } from "vitest";
import { FORGET_AFTER_MS, FREE_FAILURES, MAX_DELAY_S, SignInThrottle } from "./sign-in-throttle";

describe("SignInThrottle", () => {
  const key = SignInThrottle.key("203.0.113.7", "Ada@Example.test");

  it("lets FREE_FAILURES wrong passwords through, then doubles the wait per failure up to the cap", () => {
    const t = new SignInThrottle();
    let now = 1_000_000;
    for (let i = 0; i < FREE_FAILURES; i++) expect(t.fail(key, now)).toBe(0);
    expect(t.waitSeconds(key, now)).toBe(0);
    const delays: number[] = [];
    for (let i = 0; i < 14; i++) {
      now += t.waitSeconds(key, now) * 1000; // an attacker who waits exactly as long as told
      delays.push(t.fail(key, now));
    }
    expect(delays.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(Math.max(...delays)).toBe(MAX_DELAY_S);
    expect(t.waitSeconds(key, now)).toBe(MAX_DELAY_S);
    expect(t.waitSeconds(key, now + MAX_DELAY_S * 1000)).toBe(0);
  });

  it("slows only the (address, account) pair that failed: the owner elsewhere is never slowed", () => {
    const t = new SignInThrottle();
    for (let i = 0; i < FREE_FAILURES + 3; i++) t.fail(key, 0);
    expect(t.waitSeconds(key, 0)).toBeGreaterThan(0);
    expect(t.waitSeconds(SignInThrottle.key("198.51.100.1", "ada@example.test"), 0)).toBe(0);
    expect(t.waitSeconds(SignInThrottle.key("203.0.113.7", "grace@example.test"), 0)).toBe(0);
    // The email is compared case-insensitively, as accounts are.
    expect(t.waitSeconds(SignInThrottle.key("203.0.113.7", " ADA@example.test"), 0)).toBeGreaterThan(0);
  });

  it("forgets a pair after a quiet hour, and a success clears it and marks the pair trusted", () => {
    const t = new SignInThrottle();
    for (let i = 0; i < FREE_FAILURES; i++) t.fail(key, 0);
    expect(t.fail(key, FORGET_AFTER_MS + 1)).toBe(0); // counted afresh
    expect(t.isTrusted(key, 0)).toBe(false);
    t.succeed(key, 10);
    expect(t.isTrusted(key, 11)).toBe(true);
    for (let i = 0; i < FREE_FAILURES; i++) expect(t.fail(key, 20)).toBe(0);
  });
});
