// Which students a large class's heatmap shows first: those with the lowest overall share of the
// points they attempted (across mechanisms), ties by name; students who attempted nothing last
// (nothing was measured). Pure, so the page stays thin and this is tested on its own.
import type { MasteryCell } from "./mastery-heatmap";

export function weakestStudents<S extends { id: string; name: string }>(students: readonly S[], cells: readonly MasteryCell[], limit: number): S[] {
  const sums = new Map<string, { earned: number; possible: number }>();
  for (const c of cells) {
    const t = sums.get(c.userId) ?? { earned: 0, possible: 0 };
    sums.set(c.userId, { earned: t.earned + c.earned, possible: t.possible + c.possible });
  }
  const share = (id: string) => {
    const t = sums.get(id);
    return t && t.possible > 0 ? t.earned / t.possible : Number.POSITIVE_INFINITY;
  };
  return [...students]
    .sort((a, b) => {
      const x = share(a.id);
      const y = share(b.id);
      return x === y ? a.name.localeCompare(b.name) : x < y ? -1 : 1;
    })
    .slice(0, limit);
}
