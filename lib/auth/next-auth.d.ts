// Adds the user id and role that lib/auth/options.ts puts into the session and JWT.
import type { DefaultSession } from "next-auth";
import type { Role } from "./roles";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
    /** The account's session version when this session began (see User.sessionVersion). */
    sessionVersion: number;
  }
  interface User {
    role: Role;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    sv?: number;
  }
}
