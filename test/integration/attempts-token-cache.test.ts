// Bearer tokens are remembered for TOKEN_CACHE_MS per process (lib/auth/caller.ts), so a script
// submitting in a loop does not pay a database round trip per request for its token. What that
// may cost is bounded: a revocation through the app is seen at once; one made elsewhere (another
// app process, by hand in the database) within TOKEN_CACHE_MS.
import { describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "../../lib/auth/api-tokens";
import { callerFromToken, TOKEN_CACHE_MS } from "../../lib/auth/caller";
import { useTestDatabase } from "../support/db";
import { makeUser } from "./attempts-fixture";

const db = useTestDatabase();

describe.skipIf(db.skip)("the bearer token cache", () => {
  it("forgets a token revoked through the app at once", async () => {
    const user = await makeUser(db.prisma, "revoked-here");
    const { token, view } = await createApiToken(user.id, "script");
    expect(await callerFromToken(token)).toMatchObject({ id: user.id, via: "token" });
    await revokeApiToken(user.id, view.id);
    expect(await callerFromToken(token)).toBeNull();
  });

  it("sees a revocation made elsewhere within TOKEN_CACHE_MS, and answers from memory until then", async () => {
    const user = await makeUser(db.prisma, "revoked-elsewhere");
    const { token, view } = await createApiToken(user.id, "script");
    const t0 = Date.now();
    expect(await callerFromToken(token, new Date(t0))).toMatchObject({ id: user.id });
    await db.prisma.apiToken.update({ where: { id: view.id }, data: { revokedAt: new Date() } });
    // Within the window the remembered answer stands (this is the documented staleness) ...
    expect(await callerFromToken(token, new Date(t0 + TOKEN_CACHE_MS - 1))).toMatchObject({ id: user.id });
    // ... and after it the database decides.
    expect(await callerFromToken(token, new Date(t0 + TOKEN_CACHE_MS))).toBeNull();
    expect(await callerFromToken(token, new Date(t0 + TOKEN_CACHE_MS + 1))).toBeNull();
  });

  it("answers an unknown token as anonymous, beside a remembered real one", async () => {
    const user = await makeUser(db.prisma, "late-token");
    const { token } = await createApiToken(user.id, "script");
    const forged = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await callerFromToken(forged)).toBeNull();
    expect(await callerFromToken(token)).toMatchObject({ id: user.id });
  });
});
