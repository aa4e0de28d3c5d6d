import { formatDuration } from "@/lib/format/duration";

// A chart with its text alternative: a heading, the chart (hidden from assistive technology), a
// one-sentence summary, and the data as a table in a <details> for anyone who wants the numbers.
export function ChartFigure({
  title,
  summary,
  chart,
  table,
  testId,
}: {
  title: string;
  summary: React.ReactNode;
  chart: React.ReactNode;
  table: React.ReactNode;
  testId?: string;
}) {
  return (
    <figure className="space-y-2" data-testid={testId}>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      {chart}
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{summary}</p>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700 hover:underline dark:text-brand-300">Show the data as a table</summary>
        <div className="mt-2">{table}</div>
      </details>
    </figure>
  );
}

/** A plain data table (the text alternative of a chart). */
export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-zinc-600 dark:text-zinc-400">
        <tr>
          {head.map((h, i) => (
            <th key={h} scope="col" className={`p-1 font-medium ${i > 0 ? "text-right" : ""}`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} className="border-t border-zinc-100 dark:border-zinc-800">
            {r.map((c, j) =>
              j === 0 ? (
                <th key={j} scope="row" className="p-1 font-normal">
                  {c}
                </th>
              ) : (
                <td key={j} className="p-1 text-right tabular-nums">
                  {c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const pct = (x: number | null | undefined, digits = 0): string => (x === null || x === undefined ? "—" : `${(100 * x).toFixed(digits)} %`);
export const num = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined ? "—" : x.toFixed(digits));
/** A time on task; sub-second times read "0.4 s" or "<0.1 s", not "0 s" (lib/format/duration.ts). */
export const seconds = formatDuration;
export const TENTHS = ["0–10", "10–20", "20–30", "30–40", "40–50", "50–60", "60–70", "70–80", "80–90", "90–100"];
