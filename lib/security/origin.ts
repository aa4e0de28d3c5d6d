// Cross-site request forgery, for route handlers authenticated by the session cookie. A browser
// attaches the cookie to a cross-site POST, so a state-changing request must prove it comes from
// our own pages: browsers send `Sec-Fetch-Site` and `Origin` with every such request and a page
// cannot forge either. Requests without them are not from a browser (curl, scripts), carry no
// ambient cookie of a victim, and pass. Bearer-token requests are exempt: the token is never
// ambient. Server actions get the same check from Next itself (its Origin/Host comparison).

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function requestHost(req: Request): string | null {
  // `next start` sets x-forwarded-host from Host when no proxy did; a proxy sets it to the public host.
  const forwarded = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || req.headers.get("host") || null;
}

/** Why this request must be refused as cross-site, or null when it may proceed. */
export function crossSiteProblem(req: Request): string | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return "Cross-site requests are refused. Use the app's own pages, or an API token.";
  const origin = req.headers.get("origin");
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return "The request's Origin is not valid.";
    }
    const host = requestHost(req);
    if (!host || originHost !== host) return "Cross-site requests are refused. Use the app's own pages, or an API token.";
  }
  return null;
}
