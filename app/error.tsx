"use client";
// Shown for an unexpected error in a page. The message is deliberately generic: server errors
// reach the browser only as a digest, which operators can match in the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        The page could not be shown. If the database was restarting, trying again in a moment usually works.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-zinc-500">reference {error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
      >
        Try again
      </button>
    </div>
  );
}
