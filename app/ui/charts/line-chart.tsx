"use client";
// A line chart (recharts) over time, for progress by week: one or two series, the second on a
// right-hand axis (shares 0-100 %). Hidden from screen readers: callers pair it with a table.
import { CartesianGrid, Legend, Line, LineChart as RLineChart, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOR } from "./bar-chart";

export const SECOND_COLOR = "#0d9488";

export type Series = { key: string; label: string; percent?: boolean };

export function LineChart({ data, x, left, right, height = 240 }: { data: Record<string, string | number>[]; x: string; left: Series; right?: Series; height?: number }) {
  return (
    <div aria-hidden className="text-zinc-600 dark:text-zinc-300">
      <RLineChart responsive data={data} style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
        <XAxis dataKey={x} tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" />
        <YAxis yAxisId="left" allowDecimals={false} tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" />
        {right ? (
          <YAxis yAxisId="right" orientation="right" domain={[0, 100]} unit="%" tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" />
        ) : null}
        <Tooltip contentStyle={{ color: "#18181b" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line yAxisId="left" type="monotone" dataKey={left.key} name={left.label} stroke={CHART_COLOR} strokeWidth={2} dot isAnimationActive={false} />
        {right ? <Line yAxisId="right" type="monotone" dataKey={right.key} name={right.label} stroke={SECOND_COLOR} strokeWidth={2} dot isAnimationActive={false} /> : null}
      </RLineChart>
    </div>
  );
}
