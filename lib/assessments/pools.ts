// Pools: slots sharing a poolKey offer alternatives, of which each student gets one. The pick is
// a hash of (student, assessment, pool), so it is stable across requests and restarts without
// storing anything, and different students usually get different slots.
import { hash32 } from "@/lib/questions/variant";

export type PoolSlot = { id: string; position: number; poolKey: string | null };

export function assignedSlots<S extends PoolSlot>(userId: string, assessmentId: string, slots: readonly S[]): S[] {
  const pools = new Map<string, S[]>();
  for (const s of slots) if (s.poolKey !== null) pools.set(s.poolKey, [...(pools.get(s.poolKey) ?? []), s]);
  const chosen = new Set<string>();
  for (const [key, members] of pools) {
    const sorted = [...members].sort((a, b) => a.position - b.position);
    chosen.add(sorted[hash32(`${userId}\u0000${assessmentId}\u0000${key}`) % sorted.length].id);
  }
  return slots.filter((s) => s.poolKey === null || chosen.has(s.id)).sort((a, b) => a.position - b.position);
}
