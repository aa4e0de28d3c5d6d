// Rate limit on lesson checks, which anyone may submit without an account: keyed on the user when
// signed in, else on the client address (lib/security/client-ip.ts). A reader clicking through a
// lesson never comes near it; a script grading in a loop gets a message instead of simulator time.
// Per process, in memory, like the per-user limit on attempts (lib/attempts/rate-limit.ts).
import { TokenBuckets } from "@/lib/attempts/rate-limit";

export const CHECK_BURST = 20;
export const CHECKS_PER_SECOND = 2;

const checks = new TokenBuckets(CHECK_BURST, CHECKS_PER_SECOND);

/** 0 when this check may be graded now, else the whole seconds to wait. */
export function checkWaitSeconds(who: { userId: string | null; ip: string }, nowMs: number): number {
  return checks.take(who.userId ? `user:${who.userId}` : `ip:${who.ip}`, nowMs);
}
