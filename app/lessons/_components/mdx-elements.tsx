// How Markdown elements look inside a lesson. There is no typography plugin in the build, so the
// prose styles live here, once, for every lesson.
import Link from "next/link";
import type { MDXComponents } from "mdx/types";

export const proseElements: MDXComponents = {
  h1: (p) => <h1 className="mb-4 text-2xl font-semibold tracking-tight sm:text-3xl" {...p} />,
  h2: (p) => <h2 className="mt-10 mb-3 text-xl font-semibold tracking-tight" {...p} />,
  h3: (p) => <h3 className="mt-6 mb-2 text-lg font-semibold" {...p} />,
  p: (p) => <p className="my-3 leading-7" {...p} />,
  ul: (p) => <ul className="my-3 list-disc space-y-1 pl-6 leading-7" {...p} />,
  ol: (p) => <ol className="my-3 list-decimal space-y-1 pl-6 leading-7" {...p} />,
  strong: (p) => <strong className="font-semibold" {...p} />,
  code: (p) => <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.9em] text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100" {...p} />,
  pre: (p) => <pre className="my-4 overflow-x-auto rounded-lg bg-zinc-100 p-4 text-sm dark:bg-zinc-900" {...p} />,
  a: ({ href = "", children }) =>
    href.startsWith("/") ? (
      <Link href={href} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600 dark:text-brand-300">
        {children}
      </Link>
    ) : (
      <a href={href} className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300">
        {children}
      </a>
    ),
};
