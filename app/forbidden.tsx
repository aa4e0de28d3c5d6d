import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="font-mono text-sm text-red-600 dark:text-red-400">403</p>
      <h1 className="mt-2 text-2xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        It belongs to another role or another course. If you think you should see it, ask your instructor.
      </p>
      <Link href="/dashboard" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-300">
        Go to your dashboard
      </Link>
    </div>
  );
}
