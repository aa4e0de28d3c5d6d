// The dynamic path segments of pages, checked before anything is looked up. Every id a page URL
// carries is one the app made (a cuid; a lesson's slug), so text of any other shape is a page that
// does not exist: the app's 404 page, before a query can trip on it. Without this, an id longer
// than lib/analytics' bound surfaced as a ZodError (500), and each page relied on whatever lookup
// it happened to make first to refuse NUL (PostgreSQL's text type rejects it).
import { notFound } from "next/navigation";
import { z } from "zod";

/** A cuid or a slug: letters, digits, "-" and "_", at most 64 (the longest id any lookup accepts). */
export const pathSegmentSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** A page's params, or the 404 page when any of them is not an id of ours. */
export async function pageParams<T extends Record<string, string>>(params: Promise<T>): Promise<T> {
  const values = await params;
  for (const value of Object.values(values)) if (!pathSegmentSchema.safeParse(value).success) notFound();
  return values;
}
