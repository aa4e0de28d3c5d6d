// The analytics pages' heading, under the course layout's h1 and tabs: breadcrumbs back up the
// analytics tree, the page's title (h2; sections are h3) and its downloads.
import Link from "next/link";

export type Crumb = { href: string; label: string };

export function AnalyticsHeader({ crumbs, title, lead, actions }: { crumbs: Crumb[]; title: string; lead?: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <div className="mb-6 space-y-2">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <ol className="flex flex-wrap gap-1">
          {crumbs.map((c, i) => (
            <li key={c.href} className="flex gap-1">
              {i > 0 ? <span aria-hidden>/</span> : null}
              <Link href={c.href} className="text-brand-700 hover:underline dark:text-brand-300">
                {c.label}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <h2 className="text-xl font-semibold tracking-tight sm:text-2xl">{title}</h2>
      {lead ? <p className="text-zinc-600 dark:text-zinc-400">{lead}</p> : null}
      {actions ? <div className="flex flex-wrap gap-2 pt-1">{actions}</div> : null}
    </div>
  );
}

export function ButtonLink({ href, children, download }: { href: string; children: React.ReactNode; download?: boolean }) {
  const className =
    "inline-flex items-center rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-800 shadow-sm hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800";
  // Downloads are plain anchors: a client-side navigation would try to render the CSV as a page.
  return download ? (
    <a href={href} className={className} download>
      {children}
    </a>
  ) : (
    <Link href={href} className={className}>
      {children}
    </Link>
  );
}

export function Section({ title, children, id }: { title: string; children: React.ReactNode; id?: string }) {
  return (
    <section aria-labelledby={id ? `${id}-title` : undefined} className="mb-10 space-y-4">
      <h3 id={id ? `${id}-title` : undefined} className="text-lg font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}
