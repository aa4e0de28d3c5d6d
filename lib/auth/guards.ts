// Authorization guards. Each throws an HttpError (401 / 403 / 404) that lib/http turns into a
// JSON answer for APIs and actions, and lib/auth/page.ts into a redirect or a 403 page.
// Course access is decided inside the query: the caller's ownership or enrolment is part of the
// `where`, so there is no window between "may they?" and "here is the row".
import { getPrisma } from "@/lib/db/client";
import { forbidden, notFound, unauthenticated } from "@/lib/http/errors";
import { type Caller, loadCaller } from "./caller";
import { type CourseRole, hasRole, type Role } from "./roles";

export async function requireUser(caller?: Caller | null): Promise<Caller> {
  const who = caller === undefined ? await loadCaller() : caller;
  if (!who) throw unauthenticated();
  return who;
}

/** The caller, if their site role is `role` or above (ADMIN ⊇ INSTRUCTOR ⊇ STUDENT). */
export async function requireRole(role: Role, caller?: Caller | null): Promise<Caller> {
  const who = await requireUser(caller);
  if (!hasRole(who.role, role)) throw forbidden(role === "INSTRUCTOR" ? "Only instructors can do this." : "Only admins can do this.");
  return who;
}

export type CourseAccess = {
  caller: Caller;
  course: { id: string; title: string; ownerId: string; joinCode: string; joinCodeEnabled: boolean; pythonVersion: string; createdAt: Date };
  /** The caller's role in this course; the owner and site admins count as INSTRUCTOR. */
  courseRole: CourseRole;
};

/**
 * The course, if the caller holds one of `roles` in it. A course the caller cannot see is 403
 * when it exists and 404 when it does not; ids are unguessable cuids, so telling the two apart
 * reveals nothing useful and gives the user an honest message.
 */
export async function requireCourseRole(courseId: string, roles: CourseRole[], caller?: Caller | null): Promise<CourseAccess> {
  const who = await requireUser(caller);
  const db = getPrisma();
  const admin = who.role === "ADMIN";
  const allowsInstructor = roles.includes("INSTRUCTOR");
  const course = await db.course.findFirst({
    where: admin
      ? { id: courseId }
      : {
          id: courseId,
          OR: [
            ...(allowsInstructor ? [{ ownerId: who.id }] : []),
            { enrolments: { some: { userId: who.id, role: { in: roles } } } },
          ],
        },
    include: { enrolments: { where: { userId: who.id }, select: { role: true } } },
  });
  if (!course) {
    const exists = await db.course.findUnique({ where: { id: courseId }, select: { id: true } });
    throw exists ? forbidden("You are not in this course with the needed role.") : notFound("No such course.");
  }
  const { enrolments, ...fields } = course;
  const courseRole: CourseRole = admin || course.ownerId === who.id ? "INSTRUCTOR" : (enrolments[0]?.role ?? "STUDENT");
  return { caller: who, course: fields, courseRole };
}
