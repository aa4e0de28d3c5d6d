import type { Metadata } from "next";
import { progressByMechanism } from "@/lib/assessments/progress";
import { pageUser } from "@/lib/auth/page";
import { PageTitle } from "@/app/ui/page-title";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage() {
  const caller = await pageUser("/assessments/progress");
  const rows = await progressByMechanism(caller);
  return (
    <div className="space-y-6">
      <PageTitle title="Progress per mechanism" lead="Questions answered, and answered fully right at least once, from released results." />
      <div className="scroll-x">
        <table className="min-w-full text-left text-sm">
          <thead className="text-zinc-600 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">Mechanism</th>
              <th scope="col" className="py-2 pr-4 font-medium">Answered</th>
              <th scope="col" className="py-2 pr-4 font-medium">Right</th>
              <th scope="col" className="py-2 font-medium">Mean best score</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {rows.map((r) => (
              <tr key={r.mechanism} data-testid="progress-row">
                <th scope="row" className="py-2 pr-4 font-mono font-normal">{r.mechanism}</th>
                <td className="py-2 pr-4 tabular-nums">{r.answered}</td>
                <td className="py-2 pr-4 tabular-nums">{r.mastered}</td>
                <td className="py-2">
                  {r.meanBest === null ? (
                    "–"
                  ) : (
                    <span className="flex items-center gap-2">
                      <progress max={1} value={r.meanBest} className="h-2 w-14 sm:w-32" aria-label={`${r.mechanism} mean best score`} />
                      <span className="tabular-nums">{Math.round(r.meanBest * 100)}%</span>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
