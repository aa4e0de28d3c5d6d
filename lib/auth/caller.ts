// Who is calling: one loader for pages, route handlers and server actions.
// A request is authenticated by `Authorization: Bearer <api token>` (scripts, LMS) or by the
// next-auth session cookie (the browser). Either way the user row is read from the database on
// every request, so a deleted or demoted user loses access immediately.
import { headers } from "next/headers";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { authOptions } from "./options";
import type { Role } from "./roles";
import { bearerToken, hashToken } from "./tokens";

export type Caller = {
  id: string;
  email: string;
  name: string;
  role: Role;
  via: "session" | "token";
};

const userFields = { id: true, email: true, name: true, role: true } as const;

// lastUsedAt is informational; writing it at most once a minute keeps a busy script from
// turning every read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves a bearer token. A token that is unknown or revoked is null: the caller is anonymous. */
export async function callerFromToken(token: string, now = new Date()): Promise<Caller | null> {
  const db = getPrisma();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: userFields } },
  });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { ...row.user, via: "token" };
}

/**
 * The user of a session. With `sessionVersion` (what the cookie carries), a session begun before
 * the account last signed out is no session at all.
 */
export async function callerFromUserId(userId: string, sessionVersion?: number): Promise<Caller | null> {
  const user = await getPrisma().user.findUnique({ where: { id: userId }, select: { ...userFields, sessionVersion: true } });
  if (!user || (sessionVersion !== undefined && user.sessionVersion !== sessionVersion)) return null;
  const { sessionVersion: _current, ...fields } = user;
  return { ...fields, via: "session" };
}

/**
 * The caller of the current request, or null. Cached per request (React `cache`), so a page
 * and the guards it calls share one lookup.
 */
export const loadCaller = cache(async (): Promise<Caller | null> => {
  const token = bearerToken((await headers()).get("authorization"));
  // A request that presents a token is judged by the token alone: a bad token must not fall
  // back to a cookie the same client happens to hold.
  if (token) return callerFromToken(token);
  const session = await getServerSession(authOptions);
  return session?.user?.id ? callerFromUserId(session.user.id, session.sessionVersion ?? 0) : null;
});
