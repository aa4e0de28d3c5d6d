"use client";
// The quintile curve of one item as a sparkline (recharts): share correct in each fifth of the
// class, lowest fifth first. A good item rises left to right. The numbers are in the label (for
// screen readers) and in the title tooltip; the drawing itself is aria-hidden.
import { Line, LineChart, YAxis } from "recharts";
import { CHART_COLOR } from "./bar-chart";

export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const data = values.map((v, i) => ({ fifth: i + 1, share: v }));
  return (
    <span role="img" aria-label={label} title={label} className="inline-block align-middle">
      <LineChart width={80} height={24} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
        <YAxis hide domain={[0, 1]} />
        <Line type="linear" dataKey="share" stroke={CHART_COLOR} strokeWidth={2} dot={{ r: 1.5 }} connectNulls isAnimationActive={false} />
      </LineChart>
    </span>
  );
}
