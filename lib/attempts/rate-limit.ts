// Per-user rate limit on submissions: a token bucket per user id, in this process's memory. A
// person clicking never comes near it; a runaway script does, and gets 429 instead of grading
// and database work. Limits are per process (several app processes each allow the rate); the
// environment can widen them for load tests: HEAPWISE_ATTEMPT_BURST, HEAPWISE_ATTEMPT_RATE
// (tokens per second).
import { z } from "zod";
import { HttpError } from "@/lib/http/errors";

const settings = z
  .object({
    HEAPWISE_ATTEMPT_BURST: z.coerce.number().int().min(1).default(30),
    HEAPWISE_ATTEMPT_RATE: z.coerce.number().positive().default(5),
  })
  .parse({ HEAPWISE_ATTEMPT_BURST: process.env.HEAPWISE_ATTEMPT_BURST || undefined, HEAPWISE_ATTEMPT_RATE: process.env.HEAPWISE_ATTEMPT_RATE || undefined });

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly burst: number,
    readonly perSecond: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one token for `key`; returns 0 when allowed, else the seconds to wait. */
  take(key: string, nowMs: number): number {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    const tokens = Math.min(this.burst, b.tokens + ((nowMs - b.at) / 1000) * this.perSecond);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: nowMs });
      return Math.ceil((1 - tokens) / this.perSecond);
    }
    // Full buckets carry no information; dropping them bounds memory to the active users.
    this.buckets.delete(key);
    if (tokens - 1 < this.burst) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
      this.buckets.set(key, { tokens: tokens - 1, at: nowMs });
    }
    return 0;
  }
}

const submissions = new TokenBuckets(settings.HEAPWISE_ATTEMPT_BURST, settings.HEAPWISE_ATTEMPT_RATE);

export function limitSubmissions(userId: string, now: Date): void {
  const wait = submissions.take(userId, now.getTime());
  if (wait > 0) throw new HttpError("rate_limited", `Too many submissions: try again in ${wait} s.`);
}
