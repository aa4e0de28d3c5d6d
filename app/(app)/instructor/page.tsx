import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import { pageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { listCourses } from "@/lib/courses/service";
import { card, PageTitle } from "@/app/ui/page-title";

export const metadata: Metadata = { title: "Teach" };

export default async function InstructorPage() {
  const caller = await pageUser("/instructor");
  const instructor = hasRole(caller.role, "INSTRUCTOR");
  const staffed = (await listCourses(caller.id)).filter((c) => c.courseRole === "INSTRUCTOR" || c.courseRole === "TA");
  // Site instructors, and anyone who assists in a course; to everyone else this page is 403.
  if (!instructor && staffed.length === 0) forbidden();
  return (
    <div>
      <PageTitle title="Teach" lead="The courses you teach or assist in: rosters, join codes and assessments." />
      {instructor ? (
        <Link href="/instructor/courses/new" className="mb-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          Create a course
        </Link>
      ) : null}
      {staffed.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">You do not teach a course yet.</p>
      ) : (
        <div className="scroll-x">
          <table className={`${card} w-full p-0 text-left text-sm`}>
            <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="p-3 font-medium">Course</th>
                <th scope="col" className="p-3 font-medium">Your role</th>
                <th scope="col" className="p-3 font-medium">Python</th>
                <th scope="col" className="p-3 font-medium">Join code</th>
                <th scope="col" className="p-3 text-right font-medium">Students</th>
              </tr>
            </thead>
            <tbody>
              {staffed.map((c) => (
                <tr key={c.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                  <td className="p-3">
                    <Link href={`/instructor/courses/${c.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-300">
                      {c.title}
                    </Link>
                  </td>
                  <td className="p-3">{c.courseRole === "TA" ? "TA" : "Instructor"}</td>
                  <td className="p-3">{c.pythonVersion}</td>
                  <td className="p-3 font-mono">{c.joinCode ?? "—"}</td>
                  <td className="p-3 text-right tabular-nums">{c.studentCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
