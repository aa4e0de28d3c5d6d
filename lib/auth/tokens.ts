// Personal API tokens. The token is shown once; only sha256(token) is stored, so a leaked
// database does not leak usable tokens. 32 random bytes make a slow hash unnecessary.
import { hash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "hw_";

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  // One-shot hash: a third of createHash's cost, on every Bearer request.
  return hash("sha256", token, "hex");
}

/** The first characters, stored so a user can tell tokens apart in the list. */
export function tokenPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

/** The token of an `Authorization: Bearer <token>` header, or null for anything else. */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
