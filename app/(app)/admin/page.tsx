import type { Metadata } from "next";
import { findUsers } from "@/lib/auth/admin";
import { pageRole } from "@/lib/auth/page";
import { card, PageTitle } from "@/app/ui/page-title";
import { RoleForm } from "./role-form";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await pageRole("ADMIN", "/admin");
  const raw = (await searchParams).q;
  const q = typeof raw === "string" ? raw.slice(0, 100) : "";
  const users = await findUsers(admin, q);
  return (
    <div>
      <PageTitle title="Users" lead="Promote instructors and admins. Newest accounts first; at most 50 shown." />
      <form role="search" className="mb-4 flex gap-2">
        <label htmlFor="q" className="sr-only">
          Search by email or name
        </label>
        <input
          id="q"
          name="q"
          defaultValue={q}
          placeholder="Search by email or name"
          className="w-full max-w-sm rounded-md border border-zinc-300 bg-white px-3 py-2 text-base sm:text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          Search
        </button>
      </form>
      <ul className={`${card} divide-y divide-zinc-200 p-0 dark:divide-zinc-800`}>
        {users.map((u) => (
          <li key={u.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div className="min-w-0">
              <p className="font-medium">{u.name}</p>
              <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{u.email}</p>
            </div>
            <RoleForm userId={u.id} name={u.name} role={u.role} self={u.id === admin.id} />
          </li>
        ))}
        {users.length === 0 ? <li className="p-4 text-sm text-zinc-500">No user matches.</li> : null}
      </ul>
    </div>
  );
}
