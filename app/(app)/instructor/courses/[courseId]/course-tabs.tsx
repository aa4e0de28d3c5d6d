"use client";
// The course's tab bar. A client component only to mark the current tab (aria-current), which
// needs the path the layout itself is not given.
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { label: "Overview", path: "" },
  { label: "Roster", path: "/roster" },
  { label: "Assessments", path: "/assessments" },
  { label: "Questions", path: "/questions" },
  { label: "Analytics", path: "/analytics" },
] as const;

export function CourseTabs({ courseId }: { courseId: string }) {
  const pathname = usePathname();
  const base = `/instructor/courses/${courseId}`;
  return (
    <nav aria-label="Course" className="mb-6 flex flex-wrap gap-x-1 border-b border-zinc-200 dark:border-zinc-800">
      {TABS.map((tab) => {
        const href = base + tab.path;
        const current = tab.path === "" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={tab.label}
            href={href}
            aria-current={current ? "page" : undefined}
            className={`-mb-px border-b-2 px-2.5 py-2 sm:px-3 text-sm font-medium whitespace-nowrap ${
              current
                ? "border-brand-600 text-brand-700 dark:border-brand-300 dark:text-brand-200"
                : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
            }`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
