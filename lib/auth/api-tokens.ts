// Personal API tokens of one user. Every query has the owner in its `where`, so a token id from
// someone else's account matches nothing.
import { getPrisma } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { forgetTokens } from "./caller";
import { generateToken, hashToken, tokenPrefix } from "./tokens";

export type ApiTokenView = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

/** Creates a token and returns it in clear text: the only time it is ever visible. */
export async function createApiToken(userId: string, name: string): Promise<{ token: string; view: ApiTokenView }> {
  const token = generateToken();
  const view = await getPrisma().apiToken.create({
    data: { userId, name, tokenHash: hashToken(token), prefix: tokenPrefix(token) },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
  return { token, view };
}

export function listApiTokens(userId: string): Promise<ApiTokenView[]> {
  return getPrisma().apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

export async function revokeApiToken(userId: string, id: string): Promise<void> {
  const { count } = await getPrisma().apiToken.updateMany({
    where: { id, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("No such token.");
  forgetTokens();
}
