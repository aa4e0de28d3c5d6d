// Shared set-up for the attempt-path integration tests: the bank synced into the test database,
// one course with an instructor and students, and helpers to publish assessments over bank
// questions. Rows are written directly: the authoring pages are not what these tests are about.
import { randomUUID } from "node:crypto";
import type { Caller } from "../../lib/auth/caller";
import type { PrismaClient } from "../../lib/db/client";
import type { AssessmentKind, ReleasePolicy, ScorePolicy } from "../../lib/db/generated/enums";

export async function makeUser(prisma: PrismaClient, label: string, role: "STUDENT" | "INSTRUCTOR" = "STUDENT"): Promise<Caller> {
  const id = randomUUID().slice(0, 8);
  const user = await prisma.user.create({ data: { email: `${label}-${id}@example.test`, name: `${label} ${id}`, passwordHash: "x", role } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}

export async function makeCourse(prisma: PrismaClient, owner: Caller, students: Caller[]): Promise<string> {
  const course = await prisma.course.create({ data: { title: `Course ${randomUUID().slice(0, 6)}`, ownerId: owner.id, joinCode: randomUUID().slice(0, 8).toUpperCase() } });
  for (const s of students) await prisma.enrolment.create({ data: { courseId: course.id, userId: s.id, role: "STUDENT" } });
  return course.id;
}

export async function questionId(prisma: PrismaClient, slug: string): Promise<string> {
  const q = await prisma.question.findFirstOrThrow({ where: { courseId: null, slug } });
  return q.id;
}

export type AssessmentSpec = {
  kind?: AssessmentKind;
  slugs: string[];
  points?: number[];
  opensAt?: Date;
  closesAt?: Date;
  timeLimitMinutes?: number | null;
  maxAttempts?: number | null;
  scorePolicy?: ScorePolicy;
  releasePolicy?: ReleasePolicy;
  published?: boolean;
};

export async function makeAssessment(prisma: PrismaClient, courseId: string, spec: AssessmentSpec): Promise<string> {
  const now = Date.now();
  const a = await prisma.assessment.create({
    data: {
      courseId,
      title: `${spec.kind ?? "HOMEWORK"} ${randomUUID().slice(0, 6)}`,
      kind: spec.kind ?? "HOMEWORK",
      opensAt: spec.opensAt ?? new Date(now - 3_600_000),
      closesAt: spec.closesAt ?? new Date(now + 7 * 86_400_000),
      timeLimitMinutes: spec.timeLimitMinutes ?? null,
      maxAttempts: spec.maxAttempts ?? null,
      scorePolicy: spec.scorePolicy ?? "BEST",
      releasePolicy: spec.releasePolicy ?? "IMMEDIATELY",
      publishedAt: spec.published === false ? null : new Date(now - 3_600_000),
    },
  });
  for (const [i, slug] of spec.slugs.entries()) {
    await prisma.assessmentQuestion.create({ data: { assessmentId: a.id, questionId: await questionId(prisma, slug), position: i + 1, points: spec.points?.[i] ?? 1 } });
  }
  return a.id;
}

export const key = () => `k-${randomUUID()}`;
