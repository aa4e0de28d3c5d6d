import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="font-mono text-sm text-brand-600 dark:text-brand-300">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Nothing lives at this address</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">Like an object whose refcount hit zero, this page is gone, or never existed.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-300">
        Back to the home page
      </Link>
    </div>
  );
}
