import type { Metadata } from "next";
import Link from "next/link";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { safeReturnTo } from "@/lib/auth/return-to";
import { card } from "@/app/ui/page-title";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnTo(params.callbackUrl);
  const registered = params.registered === "1";
  const session = await getServerSession(authOptions).catch(() => null);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Sign in to Heapwise</h1>
      <div className={card}>
        {session?.user ? (
          <p role="status" className="mb-4 rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800">
            You are signed in as {session.user.name}.{" "}
            <Link href={returnTo} className="font-medium text-brand-600 hover:underline dark:text-brand-300">
              Continue
            </Link>{" "}
            or sign in as someone else.
          </p>
        ) : null}
        {registered ? (
          <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
            Your account is ready. Sign in with it.
          </p>
        ) : null}
        <SignInForm returnTo={returnTo} />
      </div>
      <p className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">
        New here?{" "}
        <Link href="/signup" className="font-medium text-brand-600 hover:underline dark:text-brand-300">
          Create an account
        </Link>
      </p>
    </div>
  );
}
