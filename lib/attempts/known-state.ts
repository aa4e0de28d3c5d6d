// What this process learnt about a student's state at a slot from its own last stored submission
// there: attempts used and the quiz sitting. With it, the next submission skips the state read
// (./state.ts) and goes straight to its transaction, which re-checks in the database everything
// the read would have told (enrolment, the sitting unchanged, the key, the variant, attempts used)
// and refuses as "stale" when any differs; the caller then forgets the entry and takes the full
// path once. So this cache can only cost a retry, never decide an outcome. Entries are per process
// and bounded; another process's submissions or a teacher's edits show up as a stale answer.
import { Lru } from "./lru";

export type KnownSitting = { id: string; assessmentId: string; userId: string; startedAt: Date; deadlineAt: Date | null; finishedAt: Date | null };
export type KnownState = { answered: number; sitting: KnownSitting | null };

/** Students x slots of one busy assessment with room to spare; an entry is a few dozen bytes. */
const CAPACITY = 50_000;
const known = new Lru<string, KnownState>(CAPACITY);

const keyOf = (userId: string, slotId: string) => `${userId}\u0000${slotId}`;

export function knownState(userId: string, slotId: string): KnownState | undefined {
  return known.get(keyOf(userId, slotId));
}

export function rememberState(userId: string, slotId: string, state: KnownState): void {
  known.set(keyOf(userId, slotId), state);
}

export function forgetState(userId: string, slotId: string): void {
  known.delete(keyOf(userId, slotId));
}
