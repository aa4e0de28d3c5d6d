// The security headers next.config.mjs puts on every response, read from that file itself, so a
// response the server writes without Next carries exactly the same ones (one list, one place).
import { pathToFileURL } from "node:url";
import path from "node:path";
import { z } from "zod";

const rulesSchema = z.array(z.object({ source: z.string(), headers: z.array(z.object({ key: z.string(), value: z.string() })) }));
const configSchema = z.object({ headers: z.function().optional() }).passthrough();

/** Header names in lower case, as Node keeps them, so a response's own header of the same name replaces one. */
export async function baselineHeaders(dir: string): Promise<Record<string, string>> {
  const module: unknown = await import(pathToFileURL(path.join(dir, "next.config.mjs")).href);
  const config = configSchema.parse((module as { default?: unknown }).default);
  if (!config.headers) return {};
  const rules = rulesSchema.parse(await (config.headers as () => Promise<unknown>)());
  // Only the catch-all rule applies to every path; a narrower rule would need Next's matcher.
  const all = rules.filter((rule) => rule.source === "/:path*").flatMap((rule) => rule.headers);
  return Object.fromEntries(all.map((h) => [h.key.toLowerCase(), h.value]));
}
