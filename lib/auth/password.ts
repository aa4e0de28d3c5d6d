// Passwords are hashed with bcrypt (bcryptjs, pure JS, so no native build on a fresh machine).
// Cost 10 takes ~60 ms here: slow enough to hurt guessing, fast enough for a sign-in burst.
import bcrypt from "bcryptjs";

export const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the email is unknown, so a wrong email costs the same time as a wrong
// password and response timing does not reveal which accounts exist.
export const DUMMY_HASH = "$2b$10$S7911IEqeKHmrclK4D8fuO7ydgsTd.w/pTryDHLB57it7YjupeFwO";
