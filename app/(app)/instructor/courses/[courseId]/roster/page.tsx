import type { Metadata } from "next";
import Link from "next/link";
import { canEdit, ROLES_FOR } from "@/lib/auth/course-roles";
import { pageCourseRole } from "@/lib/auth/page";
import { listRoster } from "@/lib/courses/roster";
import { rosterQuerySchema } from "@/lib/courses/schema";
import { pageParams } from "@/lib/pages/params";
import { card } from "@/app/ui/page-title";
import { AddMemberForm, MemberControls } from "./forms";

export const metadata: Metadata = { title: "Roster" };

const ROLE_LABEL = { STUDENT: "Student", TA: "TA", INSTRUCTOR: "Instructor" } as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const joined = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function RosterPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId } = await pageParams(params);
  const { course, courseRole } = await pageCourseRole(courseId, ROLES_FOR.view, `/instructor/courses/${courseId}/roster`);
  const flags = await searchParams;
  const query = rosterQuerySchema.parse(flags);
  const roster = await listRoster(course.id, query);
  // The owner has a row of their own ("The owner stays"); an enrolment of theirs as well (the demo
  // seed makes one) listed them twice, the second time with a Remove button that changes nothing.
  const ownerEnrolled = roster.members.some((m) => m.userId === roster.owner.userId);
  const members = roster.members.filter((m) => m.userId !== roster.owner.userId);
  const editor = canEdit(courseRole);
  const base = `/instructor/courses/${course.id}/roster`;
  const pageHref = (page: number) => `${base}?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`;
  return (
    <div className="space-y-6">
      <h2 className="sr-only">Roster</h2>
      {flags.removed === "1" ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          Removed from the course. Their graded attempts are kept; they can rejoin with the join code.
        </p>
      ) : null}
      {editor ? (
        <section aria-labelledby="add" className={card}>
          <h3 id="add" className="mb-3 font-semibold">
            Add a person
          </h3>
          <AddMemberForm courseId={course.id} />
        </section>
      ) : null}

      <section aria-labelledby="people" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h3 id="people" className="font-semibold">
            People <span className="font-normal text-zinc-600 dark:text-zinc-400">({plural(roster.counts.STUDENT, "student")}, {plural(roster.counts.TA, "TA")}, {plural(roster.counts.INSTRUCTOR + (ownerEnrolled ? 0 : 1), "instructor")})</span>
          </h3>
          <form role="search" className="flex items-end gap-2" action={base}>
            <div className="space-y-1">
              <label htmlFor="q" className="block text-sm font-medium">
                Search by name or email
              </label>
              <input
                id="q"
                name="q"
                type="search"
                defaultValue={query.q}
                className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
              />
            </div>
            <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
              Search
            </button>
          </form>
        </div>

        <div className="scroll-x">
          <table className={`${card} w-full p-0 text-left text-sm`} data-testid="roster">
            <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="p-3 font-medium">Name</th>
                <th scope="col" className="p-3 font-medium">Email</th>
                <th scope="col" className="p-3 font-medium">Role</th>
                <th scope="col" className="p-3 font-medium">Joined</th>
                {editor ? <th scope="col" className="p-3 text-right font-medium">Change</th> : null}
              </tr>
            </thead>
            <tbody>
              {roster.page === 1 && !query.q ? (
                <tr className="border-b border-zinc-100 dark:border-zinc-800" data-testid="owner-row">
                  <td className="p-3 font-medium">{roster.owner.name}</td>
                  <td className="p-3">{roster.owner.email}</td>
                  <td className="p-3">Instructor (owner)</td>
                  <td className="p-3">—</td>
                  {editor ? <td className="p-3 text-right text-zinc-600 dark:text-zinc-400">The owner stays</td> : null}
                </tr>
              ) : null}
              {members.map((m) => (
                <tr key={m.userId} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800" data-testid="member-row">
                  <td className="p-3 font-medium">{m.name}</td>
                  <td className="p-3">{m.email}</td>
                  <td className="p-3" data-testid="member-role">{ROLE_LABEL[m.role]}</td>
                  <td className="p-3 whitespace-nowrap">{joined.format(new Date(m.joinedAt))}</td>
                  {editor ? (
                    <td className="p-3">
                      <MemberControls courseId={course.id} userId={m.userId} name={m.name} role={m.role} />
                    </td>
                  ) : null}
                </tr>
              ))}
              {members.length === 0 ? (
                <tr>
                  <td colSpan={editor ? 5 : 4} className="p-6 text-center text-zinc-600 dark:text-zinc-400">
                    {query.q ? `Nobody matches "${query.q}".` : "Nobody has joined yet. Share the join code, or add people above."}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>

        {roster.pageCount > 1 ? (
          <nav aria-label="Roster pages" className="flex items-center justify-between text-sm">
            {roster.page > 1 ? (
              <Link href={pageHref(roster.page - 1)} className="font-medium text-brand-600 hover:underline dark:text-brand-300">
                Previous
              </Link>
            ) : (
              <span />
            )}
            <span data-testid="roster-page">
              Page {roster.page} of {roster.pageCount} · {roster.total} {query.q ? "matching" : "people"}
            </span>
            {roster.page < roster.pageCount ? (
              <Link href={pageHref(roster.page + 1)} className="font-medium text-brand-600 hover:underline dark:text-brand-300">
                Next
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
