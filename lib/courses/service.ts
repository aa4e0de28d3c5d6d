// Courses: creation with a join code, joining by code, and the list a user sees.
// Authorization is the caller's business (lib/auth/guards.ts) except where the caller is part
// of the query itself: a user's course list is filtered by their id in the `where`.
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { HttpError } from "@/lib/http/errors";
import type { Caller } from "@/lib/auth/caller";
import type { CourseRole } from "@/lib/auth/roles";
import { generateJoinCode } from "./join-code";
import type { CreateCourseInput } from "./schema";

export type CourseSummary = {
  id: string;
  title: string;
  pythonVersion: string;
  courseRole: CourseRole;
  /** Shown to the course's instructors only. */
  joinCode: string | null;
  studentCount: number;
};

// A collision among 32^8 codes is rare; a few retries turn "rare" into "never seen".
const JOIN_CODE_ATTEMPTS = 5;

export async function createCourse(owner: Caller, input: CreateCourseInput, newCode: () => string = generateJoinCode) {
  const db = getPrisma();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.course.create({
        data: { title: input.title, pythonVersion: input.pythonVersion, ownerId: owner.id, joinCode: newCode() },
        select: { id: true, title: true, pythonVersion: true, joinCode: true, joinCodeEnabled: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= JOIN_CODE_ATTEMPTS) throw error;
    }
  }
}

export type JoinResult = { courseId: string; title: string; alreadyEnrolled: boolean };

/** Enrols the caller as a student. Joining twice, or joining one's own course, changes nothing. */
export async function joinCourse(caller: Caller, code: string): Promise<JoinResult> {
  const db = getPrisma();
  const course = await db.course.findUnique({ where: { joinCode: code }, select: { id: true, title: true, ownerId: true, joinCodeEnabled: true } });
  if (!course || !course.joinCodeEnabled) {
    // One message for both: a disabled code should not confirm that the course exists.
    throw new HttpError("not_found", "No course takes this join code. Check it with your instructor.", [
      { path: "code", message: "No course takes this join code. Check it with your instructor." },
    ]);
  }
  if (course.ownerId === caller.id) return { courseId: course.id, title: course.title, alreadyEnrolled: true };
  // upsert with an empty update: a double submit or a second join is a no-op, and an existing
  // TA or instructor enrolment keeps its role.
  const before = await db.enrolment.findUnique({ where: { courseId_userId: { courseId: course.id, userId: caller.id } }, select: { id: true } });
  await db.enrolment.upsert({
    where: { courseId_userId: { courseId: course.id, userId: caller.id } },
    create: { courseId: course.id, userId: caller.id, role: "STUDENT" },
    update: {},
  });
  return { courseId: course.id, title: course.title, alreadyEnrolled: before !== null };
}

/** Every course the user owns or is enrolled in, owned ones first, newest first. */
export async function listCourses(userId: string): Promise<CourseSummary[]> {
  const rows = await getPrisma().course.findMany({
    where: { OR: [{ ownerId: userId }, { enrolments: { some: { userId } } }] },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      pythonVersion: true,
      ownerId: true,
      joinCode: true,
      enrolments: { where: { userId }, select: { role: true } },
      _count: { select: { enrolments: { where: { role: "STUDENT" } } } },
    },
  });
  const summaries = rows.map((row): CourseSummary => {
    const courseRole: CourseRole = row.ownerId === userId ? "INSTRUCTOR" : (row.enrolments[0]?.role ?? "STUDENT");
    return {
      id: row.id,
      title: row.title,
      pythonVersion: row.pythonVersion,
      courseRole,
      joinCode: courseRole === "INSTRUCTOR" ? row.joinCode : null,
      studentCount: row._count.enrolments,
    };
  });
  return summaries.sort((a, b) => Number(b.courseRole === "INSTRUCTOR") - Number(a.courseRole === "INSTRUCTOR"));
}

export async function countStudents(courseId: string): Promise<number> {
  return getPrisma().enrolment.count({ where: { courseId, role: "STUDENT" } });
}

/** Opens or closes a course's join code. The caller must have been checked as its instructor. */
export async function setJoinCodeEnabled(courseId: string, enabled: boolean): Promise<void> {
  await getPrisma().course.update({ where: { id: courseId }, data: { joinCodeEnabled: enabled } });
}

/** What a course page shows beyond the course row: its owner and published assessments. */
export async function courseOverview(courseId: string) {
  const db = getPrisma();
  const [owner, assessments, studentCount] = await Promise.all([
    db.course.findUnique({ where: { id: courseId }, select: { owner: { select: { name: true } } } }),
    db.assessment.findMany({
      where: { courseId, publishedAt: { not: null } },
      orderBy: { opensAt: "asc" },
      select: { id: true, title: true, kind: true, opensAt: true, closesAt: true },
    }),
    countStudents(courseId),
  ]);
  return { ownerName: owner?.owner.name ?? "", assessments, studentCount };
}

/**
 * A new join code for the course; the old one stops working at once (there is one code column,
 * and joining looks the code up by equality). Retries on the rare collision, like createCourse.
 */
export async function regenerateJoinCode(courseId: string, newCode: () => string = generateJoinCode): Promise<string> {
  const db = getPrisma();
  for (let attempt = 1; ; attempt++) {
    try {
      const row = await db.course.update({ where: { id: courseId }, data: { joinCode: newCode() }, select: { joinCode: true } });
      return row.joinCode;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= JOIN_CODE_ATTEMPTS) throw error;
    }
  }
}

/** What the staff overview of a course shows: people by role and assessments by state. */
export async function staffOverview(courseId: string) {
  const db = getPrisma();
  const [roles, assessments, published] = await Promise.all([
    db.enrolment.groupBy({ by: ["role"], where: { courseId }, _count: { _all: true } }),
    db.assessment.count({ where: { courseId } }),
    db.assessment.count({ where: { courseId, publishedAt: { not: null } } }),
  ]);
  const people: Record<CourseRole, number> = { STUDENT: 0, TA: 0, INSTRUCTOR: 0 };
  for (const r of roles) people[r.role] = r._count._all;
  return { people, assessments, published };
}
