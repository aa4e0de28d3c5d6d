// Sign-in guessing, slowed per (client address, account), never by locking the account for everyone.
//
// Decision: an account-wide lock lets anyone lock a victim out by typing wrong passwords for
// them, for as long as they keep doing it. So the main bound is a progressive delay per
// (address, email): FREE_FAILURES wrong passwords cost nothing, then each further one makes that
// address wait twice as long before its next try (1 s, 2 s, 4 s, ... capped at MAX_DELAY_S), and
// a quiet FORGET_AFTER_MS forgets it. A victim elsewhere is never slowed by it. Addresses can be
// faked or rotated, so the account-wide lock of lib/auth/accounts.ts stays as a second bound,
// with a high threshold and a bounded window, and it does not apply to an address this account
// signed in from successfully before (its owner's usual device keeps working during an attack).
// State is in this process's memory: a few hundred bytes per active pair, bounded by MAX_KEYS.

export const FREE_FAILURES = 5;
export const MAX_DELAY_S = 15 * 60;
export const FORGET_AFTER_MS = 60 * 60_000;
const TRUST_FOR_MS = 30 * 24 * 60 * 60_000;
const MAX_KEYS = 50_000;

type Entry = { failures: number; lastFailureMs: number; blockedUntilMs: number };

export class SignInThrottle {
  private readonly failures = new Map<string, Entry>();
  private readonly trusted = new Map<string, number>();

  static key(ip: string, email: string): string {
    return `${ip}\u0000${email.trim().toLowerCase()}`;
  }

  /** 0 when this pair may try now, else the whole seconds to wait. */
  waitSeconds(key: string, nowMs: number): number {
    const entry = this.live(key, nowMs);
    if (!entry || entry.blockedUntilMs <= nowMs) return 0;
    return Math.ceil((entry.blockedUntilMs - nowMs) / 1000);
  }

  /** Records a wrong password; returns the seconds the pair must now wait (0 while free). */
  fail(key: string, nowMs: number): number {
    const entry = this.live(key, nowMs) ?? { failures: 0, lastFailureMs: nowMs, blockedUntilMs: 0 };
    entry.failures += 1;
    entry.lastFailureMs = nowMs;
    const over = entry.failures - FREE_FAILURES;
    const delay = over <= 0 ? 0 : Math.min(MAX_DELAY_S, 2 ** (over - 1));
    entry.blockedUntilMs = nowMs + delay * 1000;
    remember(this.failures, key, entry);
    return delay;
  }

  succeed(key: string, nowMs: number): void {
    this.failures.delete(key);
    remember(this.trusted, key, nowMs + TRUST_FOR_MS);
  }

  /** Whether this pair signed in successfully recently (exempt from the account-wide lock). */
  isTrusted(key: string, nowMs: number): boolean {
    const until = this.trusted.get(key);
    return until !== undefined && until > nowMs;
  }

  private live(key: string, nowMs: number): Entry | undefined {
    const entry = this.failures.get(key);
    if (entry && nowMs - entry.lastFailureMs > FORGET_AFTER_MS && entry.blockedUntilMs <= nowMs) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}

// Insertion order is age order: re-inserting moves a key to the end, the oldest goes first.
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  if (map.size >= MAX_KEYS) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

export const signInThrottle = new SignInThrottle();
