// How long something took, as a person reads it. Times on task are often under a second (a
// student who answers from memory, or a script), and rounding those to "0 s" read as "no time at
// all"; a rounding that lands on 60 s is a minute. Pure: no React, so the unit suite runs it.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A duration in milliseconds: "—" when unknown, "<0.1 s", "0.4 s", "12 s", "3.5 min", "1.2 h". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms === 0) return "0 s";
  if (ms < 100) return "<0.1 s";
  // One decimal while it says something (0.4 s, 9.5 s); whole seconds after.
  if (ms < 9_950) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 59_500) return `${Math.round(ms / 1000)} s`;
  if (ms < 59.95 * MINUTE) return `${(ms / MINUTE).toFixed(1)} min`;
  return `${(ms / HOUR).toFixed(1)} h`;
}
