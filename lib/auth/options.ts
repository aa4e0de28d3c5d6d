// next-auth v4 configuration: email + password through the Credentials provider, sessions as
// signed JWT cookies carrying the user id and role. The role in the cookie is only a hint for
// the UI; guards re-read it from the database (lib/auth/caller.ts), so a demoted user loses
// access at once instead of when the cookie expires.
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { checkCredentials } from "./accounts";
import { authSecret } from "./config";
import { roleSchema } from "./roles";
import { signInSchema } from "./validation";

export const authOptions: NextAuthOptions = {
  // A getter, read when a request is handled: importing this module (as `next build` does) must
  // not require the secret or create the demo's secret file.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
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
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const result = await checkCredentials(parsed.data.email, parsed.data.password);
        if (!result.ok) {
          // next-auth passes the message to the form as its error code (lib/auth/sign-in-errors.ts).
          if (result.reason === "locked") throw new Error("AccountLocked");
          return null;
        }
        return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      const role = roleSchema.safeParse(token.role);
      if (session.user && token.sub) {
        session.user.id = token.sub;
        session.user.role = role.success ? role.data : "STUDENT";
      }
      return session;
    },
  },
};
