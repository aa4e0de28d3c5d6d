// Required by @next/mdx in the App Router. Lessons written in MDX get the site's typography
// here, so lesson authors write plain Markdown and it still matches the rest of the app.
import type { MDXComponents } from "mdx/types";

const components: MDXComponents = {
  h1: (props) => <h1 className="mb-4 text-3xl font-bold tracking-tight" {...props} />,
  h2: (props) => <h2 className="mt-8 mb-3 text-2xl font-semibold tracking-tight" {...props} />,
  h3: (props) => <h3 className="mt-6 mb-2 text-xl font-semibold" {...props} />,
  p: (props) => <p className="my-3 leading-7" {...props} />,
  ul: (props) => <ul className="my-3 list-disc space-y-1 pl-6" {...props} />,
  ol: (props) => <ol className="my-3 list-decimal space-y-1 pl-6" {...props} />,
  a: (props) => <a className="font-medium text-brand-600 underline underline-offset-2 dark:text-brand-300" {...props} />,
  pre: (props) => <pre className="my-4 overflow-x-auto rounded-lg bg-zinc-950 p-4 font-mono text-sm leading-6 text-zinc-100" {...props} />,
  code: (props) => <code className="font-mono text-[0.9em]" {...props} />,
  blockquote: (props) => <blockquote className="my-4 border-l-4 border-brand-300 pl-4 text-zinc-700 dark:text-zinc-300" {...props} />,
};

export function useMDXComponents(): MDXComponents {
  return components;
}
