// Deleting a draft assessment through the real DELETE handler, on a real database: only the
// course's instructors may, only an unpublished assessment nobody has answered goes, and an
// assessment with attempts stays whatever its state.
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE } from "@/app/api/courses/[courseId]/assessments/[assessmentId]/route";
import { setPublished } from "@/lib/assessments/builder";
import { submitAttempt } from "@/lib/attempts/submit";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Caller } from "@/lib/auth/caller";
import { syncBank } from "@/lib/bank/sync";
import { loadBank } from "@/lib/questions/load";
import { useTestDatabase } from "../support/db";
import { key, makeAssessment, makeCourse, makeUser } from "./attempts-fixture";

const db = useTestDatabase();
const CHOICE = "what-assignment-does";

describe.skipIf(db.skip)(`deleting a draft assessment (${db.target})`, () => {
  let teacher: Caller;
  let student: Caller;
  let courseId: string;
  let otherCourseId: string;
  const tokens: Record<"teacher" | "ta" | "student" | "stranger", string> = { teacher: "", ta: "", student: "", stranger: "" };

  const del = (who: keyof typeof tokens, assessmentId: string, course = courseId) =>
    DELETE(new Request(`http://localhost/api/courses/${course}/assessments/${assessmentId}`, { method: "DELETE", headers: { authorization: `Bearer ${tokens[who]}` } }), {
      params: Promise.resolve({ courseId: course, assessmentId }),
    });
  const exists = async (id: string) => (await db.prisma.assessment.count({ where: { id } })) === 1;

  beforeAll(async () => {
    await syncBank(db.prisma, loadBank());
    teacher = await makeUser(db.prisma, "teacher", "INSTRUCTOR");
    student = await makeUser(db.prisma, "student");
    const ta = await makeUser(db.prisma, "ta");
    const stranger = await makeUser(db.prisma, "stranger", "INSTRUCTOR");
    courseId = await makeCourse(db.prisma, teacher, [student]);
    await db.prisma.enrolment.create({ data: { courseId, userId: ta.id, role: "TA" } });
    otherCourseId = await makeCourse(db.prisma, stranger, []);
    for (const [who, user] of [["teacher", teacher], ["ta", ta], ["student", student], ["stranger", stranger]] as const) {
      tokens[who] = (await createApiToken(user.id, "test")).token;
    }
  });

  it("lets the course's instructor delete a draft, and nobody else", async () => {
    const draft = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE], published: false });
    for (const who of ["student", "ta", "stranger"] as const) {
      const refused = await del(who, draft);
      expect({ who, status: refused.status }).toEqual({ who, status: 403 });
    }
    expect(await exists(draft)).toBe(true);
    const done = await del("teacher", draft);
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ deleted: draft });
    expect(await exists(draft)).toBe(false);
    expect(await db.prisma.assessmentQuestion.count({ where: { assessmentId: draft } })).toBe(0);
    expect((await del("teacher", draft)).status).toBe(404);
  });

  it("keeps a published assessment until it is unpublished", async () => {
    const published = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE] });
    const refused = await del("teacher", published);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: "conflict", message: "Only a draft can be deleted: unpublish it first." });
    expect(await exists(published)).toBe(true);
    await setPublished(courseId, published, false);
    expect((await del("teacher", published)).status).toBe(200);
    expect(await exists(published)).toBe(false);
  });

  it("never deletes an assessment students have answered", async () => {
    const answered = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE] });
    const qid = (await db.prisma.question.findFirstOrThrow({ where: { slug: CHOICE, courseId: null } })).id;
    await submitAttempt(student, { assessmentId: answered, questionId: qid, answer: { kind: "choice", choice: 0 }, idempotencyKey: key() });
    const refused = await del("teacher", answered);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: "conflict", message: expect.stringContaining("Students have answered") });
    expect(await db.prisma.attempt.count({ where: { assessmentId: answered } })).toBe(1);
  });

  it("does not reach another course's assessment through this course's URL", async () => {
    const theirs = await makeAssessment(db.prisma, otherCourseId, { slugs: [CHOICE], published: false });
    expect((await del("teacher", theirs)).status).toBe(404);
    expect(await exists(theirs)).toBe(true);
  });
});
