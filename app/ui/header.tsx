// The site header. It reads the session cookie only (no database), so public pages still render
// while the database is down; the role shown here is a hint, never an authorization.
import Link from "next/link";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { hasRole } from "@/lib/auth/roles";
import { SignOutButton } from "./sign-out-button";

const link = "rounded-md px-2.5 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white";

export async function Header() {
  const session = await getServerSession(authOptions).catch(() => null);
  const user = session?.user;
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-brand-600 font-mono text-sm text-white">hw</span>
          Heapwise
        </Link>
        <nav aria-label="Main" className="order-3 flex w-full flex-wrap gap-1 sm:order-none sm:w-auto">
          <Link href="/lessons" className={link}>Lessons</Link>
          <Link href="/courses" className={link}>Courses</Link>
          <Link href="/assessments" className={link}>Assessments</Link>
          {user && hasRole(user.role, "INSTRUCTOR") ? <Link href="/instructor" className={link}>Teach</Link> : null}
          <Link href="/account" className={link}>Account</Link>
          {user?.role === "ADMIN" ? <Link href="/admin" className={link}>Admin</Link> : null}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {user ? (
            <>
              <span className="hidden text-sm text-zinc-600 sm:inline dark:text-zinc-400" data-testid="signed-in-as">
                {user.name}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className={link}>Sign in</Link>
              <Link href="/signup" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
