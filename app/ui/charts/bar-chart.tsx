"use client";
// A bar chart (recharts) for counts by category: score distributions in tenths. The SVG is
// decorative for screen readers (aria-hidden); every chart is paired with a table or a text
// summary by its caller (ChartFigure), which is what assistive technology reads.
import { Bar, BarChart as RBarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";

export const CHART_COLOR = "#6366f1"; // readable on white and on zinc-950 (contrast > 3:1 on both)

export function BarChart({ data, height = 200, valueLabel }: { data: { label: string; value: number }[]; height?: number; valueLabel: string }) {
  return (
    <div aria-hidden className="text-zinc-600 dark:text-zinc-300">
      <RBarChart responsive data={data} style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
        <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" interval="preserveStartEnd" minTickGap={2} />
        <YAxis allowDecimals={false} tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" />
        <Tooltip cursor={{ fillOpacity: 0.1 }} contentStyle={{ color: "#18181b" }} />
        <Bar dataKey="value" name={valueLabel} fill={CHART_COLOR} isAnimationActive={false} radius={[3, 3, 0, 0]} />
      </RBarChart>
    </div>
  );
}
