// Accounts: sign-up and the credential check behind next-auth's Credentials provider.
// Emails are stored lower-case (see schema.prisma), so lookups compare the normalised form.
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { HttpError } from "@/lib/http/errors";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password";
import type { Role } from "./roles";
import type { SignUpInput } from "./validation";

// The account-wide bound on guessing (the main one is per address and account:
// lib/security/sign-in-throttle.ts). After this many wrong passwords in a row, from anywhere, the
// account is locked for LOCK_MINUTES, except from an address it signed in from before (the caller
// passes `trusted`), so an attacker cannot lock its owner out. High enough that a person never
// meets it; the window is bounded, and a successful sign-in resets the count.
export const MAX_FAILED_SIGN_INS = 50;
export const LOCK_MINUTES = 15;

export type AccountUser = { id: string; email: string; name: string; role: Role; sessionVersion: number };

export async function isEmailTaken(email: string): Promise<boolean> {
  const found = await getPrisma().user.findUnique({ where: { email }, select: { id: true } });
  return found !== null;
}

/**
 * Creates a student, or an instructor when `allowInstructor` (the open-sign-up switch) is on
 * and the form asked for it. A taken email is a field-level `conflict`, never a 500.
 */
export async function signUp(input: SignUpInput, allowInstructor: boolean): Promise<AccountUser> {
  const role: Role = input.instructor && allowInstructor ? "INSTRUCTOR" : "STUDENT";
  if (await isEmailTaken(input.email)) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await getPrisma().user.create({
      data: { email: input.email, name: input.name, passwordHash, role },
      select: { id: true, email: true, name: true, role: true, sessionVersion: true },
    });
  } catch (error) {
    // Two sign-ups with one email racing past the check above: the unique index decides.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

function emailTaken(): HttpError {
  return new HttpError("conflict", "An account with this email already exists.", [
    { path: "email", message: "An account with this email already exists." },
  ]);
}

export type CredentialResult =
  | { ok: true; user: AccountUser }
  | { ok: false; reason: "invalid" | "locked" };

export async function checkCredentials(email: string, password: string, now = new Date(), options: { trusted?: boolean } = {}): Promise<CredentialResult> {
  const db = getPrisma();
  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now && !options.trusted) return { ok: false, reason: "locked" };
  if (!(await verifyPassword(password, user.passwordHash))) {
    const failed = user.failedSignIns + 1;
    const lock = failed >= MAX_FAILED_SIGN_INS;
    await db.user.update({
      where: { id: user.id },
      data: lock
        ? { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) }
        : { failedSignIns: failed },
    });
    return { ok: false, reason: lock ? "locked" : "invalid" };
  }
  if (user.failedSignIns > 0 || user.lockedUntil) {
    await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}
