"use client";
// A table whose columns sort on a click (or Enter/Space: the header is a button), with aria-sort
// on the sorted column so screen readers say the order. Cells arrive already rendered (server
// components may pass JSX); each carries the plain value it sorts by. Empty values sort last.
import { useMemo, useState } from "react";

export type SortValue = string | number | null;
export type Column = { key: string; label: string; numeric?: boolean; sortable?: boolean; srOnly?: boolean };
export type Cell = { sort: SortValue; node?: React.ReactNode };
export type Row = { key: string; cells: Record<string, Cell> };

function compare(a: SortValue, b: SortValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: "base" });
}

export function SortableTable({
  caption,
  columns,
  rows,
  initialSort,
  testId,
  captionHidden = false,
}: {
  caption: string;
  columns: Column[];
  rows: Row[];
  initialSort?: { key: string; direction: "ascending" | "descending" };
  testId?: string;
  captionHidden?: boolean;
}) {
  const [sort, setSort] = useState(initialSort ?? null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const sign = sort.direction === "ascending" ? 1 : -1;
    // Empty values stay last in both directions; ties keep the given order (stable sort).
    return [...rows].sort((x, y) => {
      const a = x.cells[sort.key]?.sort ?? null;
      const b = y.cells[sort.key]?.sort ?? null;
      if (a === null || b === null) return compare(a, b);
      return sign * compare(a, b);
    });
  }, [rows, sort]);

  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? { key, direction: s.direction === "ascending" ? "descending" : "ascending" } : { key, direction: "ascending" }));

  return (
    <div className="scroll-x rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className={captionHidden ? "sr-only" : "p-3 text-left text-sm font-medium text-zinc-700 dark:text-zinc-300"}>{caption}</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              const align = c.numeric ? "text-right" : "text-left";
              return (
                <th key={c.key} scope="col" aria-sort={active ? sort.direction : c.sortable === false ? undefined : "none"} className={`p-2 font-medium ${align}`}>
                  {c.sortable === false ? (
                    <span className={c.srOnly ? "sr-only" : undefined}>{c.label}</span>
                  ) : (
                    <button
                      type="button"
                      onClick={() => toggle(c.key)}
                      className={`inline-flex items-center gap-1 rounded hover:text-brand-700 dark:hover:text-brand-300 ${c.numeric ? "flex-row-reverse" : ""}`}
                    >
                      <span>{c.label}</span>
                      <span aria-hidden className="text-xs text-zinc-500 dark:text-zinc-400">
                        {active ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}
                      </span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.key} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              {columns.map((c, i) => {
                const cell = r.cells[c.key];
                const content = cell?.node ?? (cell?.sort === null || cell?.sort === undefined ? "—" : String(cell.sort));
                const className = `p-2 align-top ${c.numeric ? "text-right tabular-nums" : ""}`;
                return i === 0 ? (
                  <th key={c.key} scope="row" className={`${className} font-normal`}>
                    {content}
                  </th>
                ) : (
                  <td key={c.key} className={className}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
