// Who is calling: one loader for pages, route handlers and server actions.
// A request is authenticated by `Authorization: Bearer <api token>` (scripts, LMS) or by the
// next-auth session cookie (the browser). The user row is read from the database on every
// cookie request, so a deleted or demoted user loses access immediately; a token's row at most
// TOKEN_CACHE_MS (2 s) late, see below.
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

// Resolved bearer tokens are remembered for TOKEN_CACHE_MS per process: a script submitting in a
// loop (a quiz's load, npm run bench:load) would otherwise pay a database round trip per request
// for the same row. A revocation reaches this process at once (revokeApiToken calls
// forgetTokens) and other processes within TOKEN_CACHE_MS, as do a role change and a deleted
// account. On globalThis: server actions and route handlers may be separate module instances.
export const TOKEN_CACHE_MS = 2_000;
const TOKEN_CACHE_MAX = 10_000;
const tokenHolder = globalThis as typeof globalThis & { __heapwiseTokens?: Map<string, { at: number; caller: Caller }> };
const resolvedTokens = (tokenHolder.__heapwiseTokens ??= new Map());

/** Forgets every remembered bearer token in this process (after a revocation). */
export function forgetTokens(): void {
  resolvedTokens.clear();
}

/** Resolves a bearer token. A token that is unknown or revoked is null: the caller is anonymous. */
export async function callerFromToken(token: string, now = new Date()): Promise<Caller | null> {
  const hash = hashToken(token);
  const hit = resolvedTokens.get(hash);
  if (hit && now.getTime() - hit.at < TOKEN_CACHE_MS && now.getTime() >= hit.at) return hit.caller;
  const caller = await lookUpToken(hash, now);
  if (caller) {
    resolvedTokens.delete(hash);
    if (resolvedTokens.size >= TOKEN_CACHE_MAX) resolvedTokens.delete(resolvedTokens.keys().next().value as string);
    resolvedTokens.set(hash, { at: now.getTime(), caller });
  } else resolvedTokens.delete(hash);
  return caller;
}

async function lookUpToken(tokenHash: string, now: Date): Promise<Caller | null> {
  const db = getPrisma();
  const row = await db.apiToken.findUnique({
    where: { tokenHash },
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
