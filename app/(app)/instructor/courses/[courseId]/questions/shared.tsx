// Small server-side pieces of the question pages: the page's access check and the sub-navigation.
import Link from "next/link";
import { ROLES_FOR } from "@/lib/auth/course-roles";
import { pageCourseRole } from "@/lib/auth/page";
import { MISCONCEPTIONS } from "@/lib/grading/misconceptions";

export const questionsPath = (courseId: string) => `/instructor/courses/${courseId}/questions`;

/** The course, if the caller is its INSTRUCTOR or TA (403 otherwise, 404 when it does not exist). */
export const pageQuestionsAccess = (courseId: string, path: string) => pageCourseRole(courseId, ROLES_FOR.view, path);

/** What the editor's checkboxes need: ids and titles only. */
export const misconceptionChoices = () => MISCONCEPTIONS.map((m) => ({ id: m.id, name: m.title }));

export function QuestionsNav({ courseId, current }: { courseId: string; current: "list" | "new" | "import-export" | "question" }) {
  const base = questionsPath(courseId);
  const links = [
    { href: base, label: "All questions", key: "list" },
    { href: `${base}/new`, label: "New question", key: "new" },
    { href: `${base}/import-export`, label: "Import / export", key: "import-export" },
  ];
  return (
    <nav aria-label="Questions" className="mb-4 flex flex-wrap gap-4 text-sm">
      {links.map((l) => (
        <Link key={l.key} href={l.href} aria-current={l.key === current ? "page" : undefined} className="font-medium text-brand-700 hover:underline aria-[current=page]:text-zinc-900 aria-[current=page]:no-underline dark:text-brand-300 dark:aria-[current=page]:text-zinc-100">
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
