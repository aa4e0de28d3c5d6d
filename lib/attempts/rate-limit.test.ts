import { describe, expect, it } from "vitest";
import { toErrorBody } from "@/lib/http/errors";
import { limitSubmissions, TokenBuckets } from "./rate-limit";

describe("TokenBuckets", () => {
  it("allows a burst, then refills at the rate, per key", () => {
    const b = new TokenBuckets(3, 1);
    expect([b.take("u", 0), b.take("u", 0), b.take("u", 0)]).toEqual([0, 0, 0]);
    expect(b.take("u", 0)).toBe(1);
    expect(b.take("other", 0)).toBe(0);
    expect(b.take("u", 1000)).toBe(0);
    expect(b.take("u", 1000)).toBe(1);
  });
});

describe("limitSubmissions", () => {
  it("answers 429 JSON once a user's burst is spent", () => {
    const now = new Date();
    let error: unknown;
    for (let i = 0; i < 1000 && !error; i++) {
      try {
        limitSubmissions("flooder", now);
      } catch (e) {
        error = e;
      }
    }
    const { status, body } = toErrorBody(error);
    expect(status).toBe(429);
    expect(body).toMatchObject({ error: "rate_limited", message: expect.stringMatching(/^Too many submissions/) });
    expect(() => limitSubmissions("someone-else", now)).not.toThrow();
  });
});
