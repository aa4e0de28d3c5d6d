// Every response carries the baseline security headers (next.config.mjs): pages, the API and
// errors alike, since a page that can be framed or sniffed is an attack on everyone who uses it.
import { expect, test } from "@playwright/test";

const expected: Record<string, string | RegExp> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": /camera=\(\)/,
  "cross-origin-opener-policy": "same-origin",
};

for (const path of ["/", "/signin", "/api/health", "/api/attempts", "/no-such-page"]) {
  test(`security headers on ${path}`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    for (const [name, value] of Object.entries(expected)) {
      if (typeof value === "string") expect(headers[name], name).toBe(value);
      else expect(headers[name], name).toMatch(value);
    }
    expect(headers["x-powered-by"]).toBeUndefined();
  });
}
