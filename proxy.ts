// Next 16's "proxy" (formerly middleware), run before every page:
// 1. a fresh nonce and the content security policy built on it (lib/security/csp.ts), on the
//    request (Next reads the nonce from it and stamps its own scripts) and on the response;
// 2. a 413 for a form (server action) body over Next's limit, which Next itself answers with a 500;
// 3. an optimistic first gate: a request for a signed-in page that carries no session cookie at
//    all is redirected to sign-in with a real 307, before any rendering. It only looks at the
//    cookie's presence; the real checks are the server-side guards in every page, route handler
//    and action (lib/auth), which this never replaces;
// 4. the 404 page for a path that does not percent-decode to text ("%ED%A0%80", "%FF"): Next's
//    own decoding of a dynamic segment throws on it and answers a bare 500 before any page runs.
//    Under /api the same path gets the API's 404 JSON, and nothing else is done there.
import { type NextRequest, NextResponse } from "next/server";
import { decodablePath } from "@/lib/pages/path";
import { contentSecurityPolicy, nonce } from "@/lib/security/csp";

// Pages that need an account. APIs are not listed: they answer 401 JSON themselves, and may
// be called with a bearer token instead of a cookie.
export const PROTECTED_PREFIXES = ["/dashboard", "/courses", "/assessments", "/instructor", "/account", "/admin"];

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function isProtected(pathname: string): boolean {
  return PROTECTED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

// Next refuses a server action's body over its 1 MB limit with a 500; answer it here, as the
// client error it is, before anything is read. (Browsers always send Content-Length for forms.)
export const ACTION_BODY_LIMIT = 1024 * 1024;

// A path no route matches: rendering it gives the not-found page and its 404 status.
const NOT_FOUND_PATH = "/_heapwise/not-found";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    if (decodablePath(pathname)) return NextResponse.next();
    return NextResponse.json({ error: "not_found", message: "Not found: the path is not valid text." }, { status: 404, headers: { "cache-control": "no-store" } });
  }
  if (request.method === "POST" && Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) {
    return NextResponse.json({ error: "too_large", message: "The form is larger than 1 MB." }, { status: 413 });
  }
  if (isProtected(pathname)) {
    // Large JWTs are split into `<name>.0`, `<name>.1`, ...
    const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
    if (!hasSession) {
      const target = new URL("/signin", request.url);
      target.searchParams.set("callbackUrl", pathname + search);
      return NextResponse.redirect(target);
    }
  }
  const policy = contentSecurityPolicy(nonce(), process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // No route has a segment that is not text, so the app's not-found page answers (with its 404).
  const response = decodablePath(pathname)
    ? NextResponse.next({ request: { headers } })
    : NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Every page and its RSC requests, and the API (only for paths that are not text), not static files.
  matcher: [{ source: "/((?!_next/static/|_next/image|favicon.ico).*)" }],
};
