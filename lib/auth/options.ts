// next-auth v4 configuration: email + password through the Credentials provider, sessions as
// signed JWT cookies carrying the user id and role. The role in the cookie is only a hint for
// the UI; guards re-read it from the database (lib/auth/caller.ts), so a demoted user loses
// access at once instead of when the cookie expires.
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getPrisma } from "@/lib/db/client";
import { clientIp } from "@/lib/security/client-ip";
import { SignInThrottle, signInThrottle } from "@/lib/security/sign-in-throttle";
import { checkCredentials } from "./accounts";
import { authSecret } from "./config";
import { roleSchema } from "./roles";
import { signInSchema } from "./validation";

// An empty NEXTAUTH_URL (`NEXTAUTH_URL=` in a .env file) means "unset" to lib/env.ts, but
// next-auth would parse "" as a URL and answer every /api/auth request with a 500.
if (process.env.NEXTAUTH_URL?.trim() === "") delete process.env.NEXTAUTH_URL;

export const authOptions: NextAuthOptions = {
  // A getter, read when a request is handled: importing this module (as `next build` does) must
  // not require the secret or create the demo's secret file.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  // next-auth marks cookies Secure (and names them __Secure-/__Host-) only when NEXTAUTH_URL is
  // https; production may leave NEXTAUTH_URL unset (the host comes from the request), so the mode
  // decides too. Always httpOnly and SameSite=Lax (next-auth's defaults); test/e2e/headers.spec.ts
  // reads the Set-Cookie of a production-mode server.
  get useSecureCookies() {
    return process.env.HEAPWISE_MODE === "production" || (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  },
  pages: { signIn: "/signin" },
  logger: {
    // A forged, truncated or stale cookie (e.g. signed with an old secret) is an anonymous
    // visitor, not an incident: one line instead of next-auth's full stack trace per request.
    // Every other error keeps next-auth's detail.
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR") console.warn("[heapwise] session cookie could not be decrypted; treated as signed out");
      else console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  providers: [
    Credentials({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        // Guessing is slowed per (address, account) before the password is even looked at
        // (lib/security/sign-in-throttle.ts explains the choice over an account-wide lock).
        const key = SignInThrottle.key(clientIp(req?.headers), parsed.data.email);
        const now = new Date();
        const wait = signInThrottle.waitSeconds(key, now.getTime());
        if (wait > 0) throw new Error(`TooManyAttempts:${wait}`);
        const result = await checkCredentials(parsed.data.email, parsed.data.password, now, { trusted: signInThrottle.isTrusted(key, now.getTime()) });
        if (!result.ok) {
          // next-auth passes the message to the form as its error code (lib/auth/sign-in-errors.ts).
          if (result.reason === "locked") throw new Error("AccountLocked");
          const delay = signInThrottle.fail(key, now.getTime());
          if (delay > 0) throw new Error(`TooManyAttempts:${delay}`);
          return null;
        }
        signInThrottle.succeed(key, now.getTime());
        const { id, email, name, role, sessionVersion } = result.user;
        return { id, email, name, role, sessionVersion };
      },
    }),
  ],
  events: {
    // Signing out raises the account's session version: every cookie issued before, including
    // one copied off this browser, stops authenticating (lib/auth/caller.ts compares it).
    async signOut({ token }) {
      if (token?.sub) await getPrisma().user.updateMany({ where: { id: token.sub }, data: { sessionVersion: { increment: 1 } } });
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      const role = roleSchema.safeParse(token.role);
      if (session.user && token.sub) {
        session.user.id = token.sub;
        session.user.role = role.success ? role.data : "STUDENT";
        // Cookies from before session versions existed count as version 0.
        session.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
      }
      return session;
    },
  },
};
