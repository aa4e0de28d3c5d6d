// One heatmap cell: the share as text (always readable, never colour alone) on a background
// whose strength follows the share. Text colour flips to white on the darker half of the scale,
// which keeps contrast above 4.5:1 on every step in light and dark.
const STEPS = [
  "bg-red-100 text-red-950 dark:bg-red-950 dark:text-red-100",
  "bg-orange-100 text-orange-950 dark:bg-orange-950 dark:text-orange-100",
  "bg-amber-100 text-amber-950 dark:bg-amber-900 dark:text-amber-50",
  "bg-lime-200 text-lime-950 dark:bg-lime-900 dark:text-lime-50",
  "bg-emerald-700 text-white dark:bg-emerald-800 dark:text-white",
];

export function MasteryCellView({ share, earned, possible }: { share: number | null; earned?: number; possible?: number }) {
  if (share === null) return <span className="text-zinc-400 dark:text-zinc-500">—</span>;
  const step = STEPS[Math.min(STEPS.length - 1, Math.floor(share * STEPS.length))];
  return (
    <span className={`inline-block min-w-14 rounded px-1.5 whitespace-nowrap py-0.5 text-center ${step}`} title={`${earned} of ${possible} points`}>
      {Math.round(share * 100)} %
    </span>
  );
}
