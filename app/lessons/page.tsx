import type { Metadata } from "next";
import Link from "next/link";
import { loadCaller } from "@/lib/auth/caller";
import { getPrisma } from "@/lib/db";
import { checksOf } from "@/lib/lessons/checks";
import { type LessonProgressView, progressOf } from "@/lib/lessons/progress";
import { PageTitle } from "@/app/ui/page-title";
import { loadAllLessons } from "./_components/registry";

export const metadata: Metadata = { title: "Lessons" };

export default async function LessonsIndex() {
  const lessons = await loadAllLessons();
  const caller = await loadCaller().catch(() => null);
  const progress: Map<string, LessonProgressView> = caller ? await progressOf(getPrisma(), caller.id).catch(() => new Map()) : new Map();
  const completed = lessons.filter((l) => progress.get(l.slug)?.completed).length;
  return (
    <div>
      <PageTitle
        title="Lessons"
        lead={caller ? `How Python manages memory, in ${lessons.length} lessons. You have completed ${completed} of ${lessons.length}.` : `How Python manages memory, in ${lessons.length} lessons. Sign in to save your progress.`}
      />
      <ol className="grid gap-3 sm:grid-cols-2" data-testid="lesson-index">
        {lessons.map((l, i) => {
          const p = progress.get(l.slug);
          const total = checksOf(l.slug).length;
          const done = p ? p.checksDone.length : 0;
          return (
            <li key={l.slug}>
              <Link
                href={`/lessons/${l.slug}`}
                className="block h-full rounded-lg border border-zinc-200 bg-white p-4 shadow-sm hover:border-brand-500 dark:border-zinc-800 dark:bg-zinc-900"
                data-testid="lesson-card"
              >
                <div className="flex items-baseline justify-between gap-2">
                  <span className="font-semibold">
                    <span className="mr-2 font-mono text-sm text-zinc-600 dark:text-zinc-400">{String(i).padStart(2, "0")}</span>
                    {l.meta.title}
                  </span>
                  {caller ? (
                    <span
                      data-testid="lesson-progress"
                      className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${p?.completed ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-50" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"}`}
                    >
                      {p?.completed ? "completed" : `${done}/${total} checks`}
                    </span>
                  ) : null}
                </div>
                <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{l.meta.summary}</p>
              </Link>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
