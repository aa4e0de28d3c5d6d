// An optimistic first gate (Next 16's "proxy", formerly middleware): a request for a signed-in
// page that carries no session cookie at all is redirected to sign-in with a real 307, before
// any rendering. It only looks at the cookie's presence; the real checks are the server-side
// guards in every page, route handler and action (lib/auth), which this never replaces.
import { type NextRequest, NextResponse } from "next/server";

// Pages that need an account. APIs are not listed: they answer 401 JSON themselves, and may
// be called with a bearer token instead of a cookie.
export const PROTECTED_PREFIXES = ["/dashboard", "/courses", "/assessments", "/instructor", "/account", "/admin"];

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function isProtected(pathname: string): boolean {
  return PROTECTED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!isProtected(pathname)) return NextResponse.next();
  // Large JWTs are split into `<name>.0`, `<name>.1`, ...
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
  if (hasSession) return NextResponse.next();
  const target = new URL("/signin", request.url);
  target.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(target);
}

export const config = {
  matcher: ["/dashboard/:path*", "/courses/:path*", "/assessments/:path*", "/instructor/:path*", "/account/:path*", "/admin/:path*"],
};
