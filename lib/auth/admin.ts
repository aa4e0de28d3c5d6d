// Site administration: admins find users and change their site role (this is how instructors are
// made when open instructor sign-up is off). Every function takes the acting caller and checks it.
// No next-auth import on this path, so the command-line script (scripts/set-role.ts) can load it.
import { getPrisma } from "@/lib/db/client";
import { conflict, forbidden, notFound } from "@/lib/http/errors";
import type { Caller } from "./caller";
import { hasRole, type Role } from "./roles";

export type UserRow = { id: string; email: string; name: string; role: Role; createdAt: Date };

const PAGE_SIZE = 50;

function assertAdmin(caller: Caller): void {
  if (!hasRole(caller.role, "ADMIN")) throw forbidden("Only admins can do this.");
}

export async function findUsers(admin: Caller, query: string): Promise<UserRow[]> {
  assertAdmin(admin);
  const q = query.trim();
  return getPrisma().user.findMany({
    where: q ? { OR: [{ email: { contains: q.toLowerCase() } }, { name: { contains: q, mode: "insensitive" } }] } : {},
    orderBy: { createdAt: "desc" },
    take: PAGE_SIZE,
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
}

/**
 * Sets a user's site role. An admin cannot change their own role: the last admin demoting
 * themselves would leave nobody able to undo it.
 */
export async function setUserRole(admin: Caller, userId: string, role: Role): Promise<UserRow> {
  assertAdmin(admin);
  if (userId === admin.id) throw conflict("You cannot change your own role. Ask another admin.");
  const { count } = await getPrisma().user.updateMany({ where: { id: userId }, data: { role } });
  if (count === 0) throw notFound("No such user.");
  return getPrisma().user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, role: true, createdAt: true } });
}

/** For the command line (first admin on a fresh install): set a role by email, no caller. */
export async function setRoleByEmail(email: string, role: Role): Promise<UserRow> {
  const { count } = await getPrisma().user.updateMany({ where: { email: email.trim().toLowerCase() }, data: { role } });
  if (count === 0) throw notFound(`No user with the email ${email}.`);
  return getPrisma().user.findUniqueOrThrow({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, name: true, role: true, createdAt: true } });
}
