// A course's roster: who is in it and with which course role. The caller has already been
// checked (lib/auth/course-roles.ts: "view" to list, "edit" to change); every query still names
// the course in its `where`, so a user id from another course changes nothing here.
// The owner is the course row's ownerId, not an enrolment: always an instructor, never removable
// or demotable, so a course cannot be left without anyone who can edit it.
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, HttpError, notFound } from "@/lib/http/errors";
import type { CourseRole } from "@/lib/auth/roles";
import { ROSTER_PAGE_SIZE, type RosterQuery } from "./schema";

export type RosterMember = { userId: string; name: string; email: string; role: CourseRole; joinedAt: string };
export type Roster = {
  owner: { userId: string; name: string; email: string };
  members: RosterMember[];
  total: number;
  page: number;
  pageCount: number;
  counts: Record<CourseRole, number>;
};

const ownerRefusal = "The course's owner is always its instructor: they cannot be removed or given another role.";

export async function listRoster(courseId: string, query: RosterQuery): Promise<Roster> {
  const db = getPrisma();
  // Case-insensitive search on name or e-mail: ILIKE on PostgreSQL and on PGlite alike.
  const where = {
    courseId,
    ...(query.q
      ? { user: { OR: [{ name: { contains: query.q, mode: "insensitive" as const } }, { email: { contains: query.q, mode: "insensitive" as const } }] } }
      : {}),
  };
  const [course, total, grouped] = await Promise.all([
    db.course.findUniqueOrThrow({ where: { id: courseId }, select: { owner: { select: { id: true, name: true, email: true } } } }),
    db.enrolment.count({ where }),
    db.enrolment.groupBy({ by: ["role"], where: { courseId }, _count: { _all: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / ROSTER_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.enrolment.findMany({
    where,
    // The enum sorts in declaration order (STUDENT, TA, INSTRUCTOR): staff first, then by name.
    orderBy: [{ role: "desc" }, { user: { name: "asc" } }, { id: "asc" }],
    skip: (page - 1) * ROSTER_PAGE_SIZE,
    take: ROSTER_PAGE_SIZE,
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  const counts: Record<CourseRole, number> = { STUDENT: 0, TA: 0, INSTRUCTOR: 0 };
  for (const g of grouped) counts[g.role] = g._count._all;
  return {
    owner: { userId: course.owner.id, name: course.owner.name, email: course.owner.email },
    members: rows.map((r) => ({ userId: r.user.id, name: r.user.name, email: r.user.email, role: r.role, joinedAt: r.createdAt.toISOString() })),
    total,
    page,
    pageCount,
    counts,
  };
}

async function ownerOf(courseId: string): Promise<string> {
  const course = await getPrisma().course.findUnique({ where: { id: courseId }, select: { ownerId: true } });
  if (!course) throw notFound("No such course.");
  return course.ownerId;
}

/** Adds an existing account by e-mail. Unknown e-mails and people already in the course are field errors. */
export async function addMember(courseId: string, email: string, role: CourseRole): Promise<RosterMember> {
  const db = getPrisma();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  if (!user) {
    throw new HttpError("not_found", "No account uses this email.", [
      { path: "email", message: "No account uses this email. Ask them to sign up first, then add them." },
    ]);
  }
  if (user.id === (await ownerOf(courseId))) {
    throw new HttpError("conflict", ownerRefusal, [{ path: "email", message: "This is the course's owner, already its instructor." }]);
  }
  try {
    const row = await db.enrolment.create({ data: { courseId, userId: user.id, role }, select: { role: true, createdAt: true } });
    return { userId: user.id, name: user.name, email: user.email, role: row.role, joinedAt: row.createdAt.toISOString() };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new HttpError("conflict", "Already in this course.", [
      { path: "email", message: `${user.name} is already in this course; change their role in the list below.` },
    ]);
  }
}

export async function changeRole(courseId: string, userId: string, role: CourseRole): Promise<void> {
  if (userId === (await ownerOf(courseId))) throw conflict(ownerRefusal);
  // updateMany with the course in the `where`: an enrolment of another course is never touched.
  const { count } = await getPrisma().enrolment.updateMany({ where: { courseId, userId }, data: { role } });
  if (count === 0) throw notFound("This person is not in the course.");
}

/**
 * Removes someone from the course. Their attempts stay (grades and analytics keep their
 * history); they simply no longer see the course, and can rejoin with the code.
 */
export async function removeMember(courseId: string, userId: string): Promise<void> {
  if (userId === (await ownerOf(courseId))) throw conflict(ownerRefusal);
  const { count } = await getPrisma().enrolment.deleteMany({ where: { courseId, userId } });
  if (count === 0) throw notFound("This person is not in the course.");
}
