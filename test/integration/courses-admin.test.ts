// Course administration on a real database (PostgreSQL or the embedded PGlite, per
// HEAPWISE_TEST_DB): the staff rule (TA views, only instructors edit, strangers and students see
// nothing), the roster (add by e-mail, search, pages, roles, the owner's protection), join codes
// (a regenerated code retires the old one at once, a closed code admits nobody), and the
// assessment builder's fairness rules once students have attempts.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { createAssessment, listCourseAssessments, loadBuilderAssessment, setPublished, templateChoices, updateAssessment } from "../../lib/assessments/builder";
import { type AssessmentInput, assessmentInputSchema } from "../../lib/assessments/builder-schema";
import type { Caller } from "../../lib/auth/caller";
import { requireCourseAccess } from "../../lib/auth/course-roles";
import { addMember, changeRole, listRoster, removeMember } from "../../lib/courses/roster";
import { createCourse, joinCourse, regenerateJoinCode, setJoinCodeEnabled } from "../../lib/courses/service";
import { HttpError } from "../../lib/http/errors";
import { useTestDatabase } from "../support/db";

const db = useTestDatabase();

async function outcome(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return "ok";
  } catch (error) {
    if (error instanceof HttpError) return error.code;
    throw error;
  }
}

async function issuesOf(work: () => Promise<unknown>): Promise<{ code: string; paths: string[]; messages: string[] }> {
  try {
    await work();
  } catch (error) {
    if (error instanceof HttpError) return { code: error.code, paths: (error.issues ?? []).map((i) => i.path), messages: (error.issues ?? []).map((i) => i.message) };
    throw error;
  }
  return { code: "ok", paths: [], messages: [] };
}

describe.skipIf(db.skip)(`course administration (${db.target})`, () => {
  const tag = randomUUID().slice(0, 6);
  let owner: Caller;
  let ta: Caller;
  let student: Caller;
  let stranger: Caller;
  let admin: Caller;
  let courseId: string;
  let joinCode: string;

  const mk = async (label: string, role: "STUDENT" | "INSTRUCTOR" | "ADMIN" = "STUDENT", name = label): Promise<Caller> => {
    const u = await db.prisma.user.create({ data: { email: `${label}-${tag}@example.test`.toLowerCase(), name, passwordHash: "x", role } });
    return { id: u.id, email: u.email, name: u.name, role: u.role, via: "session" };
  };

  beforeAll(async () => {
    owner = await mk("owner", "INSTRUCTOR", "Olga Owner");
    ta = await mk("ta", "STUDENT", "Tariq Assistant");
    student = await mk("student", "STUDENT", "Sofia Student");
    stranger = await mk("stranger", "INSTRUCTOR", "Sam Stranger");
    admin = await mk("admin", "ADMIN", "Ada Admin");
    const course = await createCourse(owner, { title: "Memory", pythonVersion: "3.13" });
    courseId = course.id;
    joinCode = course.joinCode;
    await createCourse(stranger, { title: "Elsewhere", pythonVersion: "3.12" });
  });

  it("adds people by the e-mail of an existing account, once", async () => {
    expect((await addMember(courseId, ta.email, "TA")).role).toBe("TA");
    expect((await addMember(courseId, student.email, "STUDENT")).name).toBe("Sofia Student");
    const unknown = await issuesOf(() => addMember(courseId, `nobody-${tag}@example.test`, "STUDENT"));
    expect(unknown).toMatchObject({ code: "not_found", paths: ["email"] });
    const twice = await issuesOf(() => addMember(courseId, student.email, "TA"));
    expect(twice).toMatchObject({ code: "conflict", paths: ["email"] });
    const theOwner = await issuesOf(() => addMember(courseId, owner.email, "STUDENT"));
    expect(theOwner).toMatchObject({ code: "conflict", paths: ["email"] });
  });

  it("lets TAs view and only instructors edit; students and other instructors get 403, a missing course 404", async () => {
    const table: [string, Caller | null, "view" | "edit", string][] = [
      ["owner", owner, "edit", "ok"],
      ["admin", admin, "edit", "ok"],
      ["ta", ta, "view", "ok"],
      ["ta", ta, "edit", "forbidden"],
      ["student", student, "view", "forbidden"],
      ["stranger", stranger, "view", "forbidden"],
      ["anonymous", null, "view", "unauthenticated"],
    ];
    for (const [who, caller, level, expected] of table) {
      expect(`${who} ${level}: ${await outcome(() => requireCourseAccess(caller, courseId, level))}`).toBe(`${who} ${level}: ${expected}`);
    }
    expect(await outcome(() => requireCourseAccess(owner, "no-such-course", "view"))).toBe("not_found");
    const access = await requireCourseAccess(ta, courseId, "view");
    expect(access.courseRole).toBe("TA");
  });

  it("lists the roster staff first, searches name and e-mail case-insensitively, in pages of 25", async () => {
    for (let i = 0; i < 27; i++) {
      const s = await mk(`bulk${String(i).padStart(2, "0")}`, "STUDENT", `Bulk Learner ${String(i).padStart(2, "0")}`);
      await addMember(courseId, s.email, "STUDENT");
    }
    const first = await listRoster(courseId, { q: "", page: 1 });
    expect(first.total).toBe(29);
    expect(first.pageCount).toBe(2);
    expect(first.members).toHaveLength(25);
    expect(first.members[0]).toMatchObject({ name: "Tariq Assistant", role: "TA" });
    expect(first.owner.name).toBe("Olga Owner");
    expect(first.counts).toEqual({ STUDENT: 28, TA: 1, INSTRUCTOR: 0 });
    const second = await listRoster(courseId, { q: "", page: 2 });
    expect(second.members).toHaveLength(4);
    expect(new Set([...first.members, ...second.members].map((m) => m.userId)).size).toBe(29);
    // A page past the end shows the last page rather than nothing.
    expect((await listRoster(courseId, { q: "", page: 9 })).page).toBe(2);

    const byName = await listRoster(courseId, { q: "sofia", page: 1 });
    expect(byName.members.map((m) => m.name)).toEqual(["Sofia Student"]);
    const byEmail = await listRoster(courseId, { q: `BULK2`, page: 1 });
    expect(byEmail.members.map((m) => m.name)).toEqual(["Bulk Learner 20", "Bulk Learner 21", "Bulk Learner 22", "Bulk Learner 23", "Bulk Learner 24", "Bulk Learner 25", "Bulk Learner 26"]);
    expect((await listRoster(courseId, { q: "zzz-nobody", page: 1 })).total).toBe(0);
  });

  it("changes roles and removes people, but never the owner, and never outside the course", async () => {
    const extra = await mk("extra", "STUDENT", "Eve Extra");
    await addMember(courseId, extra.email, "STUDENT");
    await changeRole(courseId, extra.id, "INSTRUCTOR");
    expect((await requireCourseAccess(extra, courseId, "edit")).courseRole).toBe("INSTRUCTOR");
    await changeRole(courseId, extra.id, "TA");
    expect(await outcome(() => requireCourseAccess(extra, courseId, "edit"))).toBe("forbidden");
    expect(await outcome(() => changeRole(courseId, owner.id, "TA"))).toBe("conflict");
    expect(await outcome(() => removeMember(courseId, owner.id))).toBe("conflict");
    const elsewhere = (await db.prisma.course.findFirstOrThrow({ where: { ownerId: stranger.id } })).id;
    expect(await outcome(() => removeMember(elsewhere, extra.id))).toBe("not_found");
    await removeMember(courseId, extra.id);
    expect(await outcome(() => requireCourseAccess(extra, courseId, "view"))).toBe("forbidden");
    expect(await db.prisma.enrolment.count({ where: { userId: extra.id } })).toBe(0);
  });

  it("retires the old join code at once when a new one is issued, and a closed code admits nobody", async () => {
    const late = await mk("late");
    const later = await mk("later");
    const fresh = await regenerateJoinCode(courseId);
    expect(fresh).not.toBe(joinCode);
    expect(fresh).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$/);
    expect(await outcome(() => joinCourse(late, joinCode))).toBe("not_found");
    expect((await joinCourse(late, fresh)).courseId).toBe(courseId);
    await setJoinCodeEnabled(courseId, false);
    expect(await outcome(() => joinCourse(later, fresh))).toBe("not_found");
    await setJoinCodeEnabled(courseId, true);
    expect((await joinCourse(later, fresh)).alreadyEnrolled).toBe(false);
    // A collision with another course's code is retried with the next candidate.
    const taken = (await db.prisma.course.findFirstOrThrow({ where: { ownerId: stranger.id } })).joinCode;
    const candidates = [taken, "WXYZ2345"];
    expect(await regenerateJoinCode(courseId, () => candidates.shift() ?? "ZZZZ9999")).toBe("WXYZ2345");
  });

  describe("assessment builder", () => {
    let shared: string[];
    let own: string;
    let foreign: string;
    const form = (slots: AssessmentInput["slots"], over: Record<string, unknown> = {}) =>
      assessmentInputSchema.parse({
        courseId,
        title: "Homework 1",
        kind: "HOMEWORK",
        opensAt: "2026-01-01T09:00",
        closesAt: "2027-01-01T09:00",
        timeLimitMinutes: "",
        maxAttempts: "",
        scorePolicy: "BEST",
        releasePolicy: "IMMEDIATELY",
        pythonVersion: "3.13",
        slots,
        ...over,
      });

    beforeAll(async () => {
      const p = db.prisma;
      const mkQ = async (slug: string, course: string | null) => {
        const q = await p.question.create({ data: { slug: `${slug}-${tag}`, courseId: course, title: `Question ${slug}`, mechanism: "refcount" } });
        await p.questionVersion.create({ data: { questionId: q.id, version: 1, definition: {} } });
        return q.id;
      };
      shared = [await mkQ("a", null), await mkQ("b", null), await mkQ("c", null), await mkQ("d", null)];
      own = await mkQ("own", courseId);
      foreign = await mkQ("foreign", (await p.course.findFirstOrThrow({ where: { ownerId: stranger.id } })).id);
    });

    async function attempt(assessmentId: string, slotId: string, questionId: string) {
      const p = db.prisma;
      const version = await p.questionVersion.findFirstOrThrow({ where: { questionId } });
      const variant = await p.variant.create({
        data: { userId: student.id, questionId, questionVersionId: version.id, assessmentQuestionId: slotId, attemptNumber: 1, seed: 7, pythonVersion: "3.13" },
      });
      await p.attempt.create({
        data: {
          userId: student.id,
          assessmentId,
          assessmentQuestionId: slotId,
          questionId,
          questionVersionId: version.id,
          variantId: variant.id,
          seed: 7,
          pythonVersion: "3.13",
          answer: 1,
          correct: true,
          score: 1,
          points: 1,
          feedback: {},
          idempotencyKey: randomUUID(),
        },
      });
    }

    it("offers the course's own templates and the shared bank, not another course's", async () => {
      const ids = (await templateChoices(courseId)).map((t) => t.id);
      expect(ids[0]).toBe(own);
      expect(ids).toEqual(expect.arrayContaining([...shared, own]));
      expect(ids).not.toContain(foreign);
      const refused = await issuesOf(() => createAssessment(courseId, form([{ questionId: foreign, points: 1, poolKey: null }])));
      expect(refused).toMatchObject({ code: "invalid", paths: ["slots.0.questionId"] });
    });

    it("creates a draft, reorders (positions are unique at every step), refuses an empty publish", async () => {
      const empty = await createAssessment(courseId, form([], { title: "Empty" }));
      expect(await outcome(() => setPublished(courseId, empty.id, true))).toBe("conflict");

      const { id } = await createAssessment(courseId, form([
        { questionId: shared[0], points: 2, poolKey: null },
        { questionId: shared[1], points: 1, poolKey: "P" },
        { questionId: shared[2], points: 1, poolKey: "P" },
      ]));
      let a = await loadBuilderAssessment(courseId, id);
      expect(a.publishedAt).toBeNull();
      expect(a.slots.map((s) => [s.questionId, s.position, s.points, s.poolKey])).toEqual([
        [shared[0], 1, 2, null],
        [shared[1], 2, 1, "P"],
        [shared[2], 3, 1, "P"],
      ]);
      const [s1, s2, s3] = a.slots;
      const saved = await updateAssessment(courseId, id, form([
        { id: s3.id, questionId: s3.questionId, points: 1, poolKey: "P" },
        { id: s1.id, questionId: s1.questionId, points: 2, poolKey: null },
        { questionId: own, points: 3, poolKey: null },
      ], { title: "Homework 1, reordered" }));
      a = await loadBuilderAssessment(courseId, id);
      expect(a.title).toBe("Homework 1, reordered");
      expect(a.slots.map((s) => [s.id, s.position])).toEqual([[s3.id, 1], [s1.id, 2], [saved.slotIds[2], 3]]);
      expect(a.slots.some((s) => s.id === s2.id)).toBe(false);
      expect(saved.slotIds.slice(0, 2)).toEqual([s3.id, s1.id]);

      await setPublished(courseId, id, true);
      expect((await loadBuilderAssessment(courseId, id)).publishedAt).not.toBeNull();
      expect(await outcome(() => loadBuilderAssessment(courseId, "nope"))).toBe("not_found");
      // Another course's id cannot reach this assessment.
      const elsewhere = (await db.prisma.course.findFirstOrThrow({ where: { ownerId: stranger.id } })).id;
      expect(await outcome(() => loadBuilderAssessment(elsewhere, id))).toBe("not_found");
      expect(await outcome(() => updateAssessment(elsewhere, id, form([])))).toBe("not_found");
      expect(await outcome(() => setPublished(elsewhere, id, false))).toBe("not_found");
    });

    it("once students have answered: refuses unfair changes with a pointer to regrade, allows dates and limits", async () => {
      const { id } = await createAssessment(courseId, form([
        { questionId: shared[0], points: 2, poolKey: null },
        { questionId: shared[1], points: 1, poolKey: null },
      ], { title: "Answered" }));
      await setPublished(courseId, id, true);
      const [s1, s2] = (await loadBuilderAssessment(courseId, id)).slots;
      await attempt(id, s1.id, s1.questionId);

      const keep = (over: Partial<AssessmentInput["slots"][number]> = {}) => ({ id: s1.id, questionId: s1.questionId, points: 2, poolKey: null, ...over });
      const removed = await issuesOf(() => updateAssessment(courseId, id, form([{ id: s2.id, questionId: s2.questionId, points: 1, poolKey: null }])));
      expect(removed.code).toBe("conflict");
      expect(removed.messages.join(" ")).toMatch(/cannot be removed.*regrade/);
      expect((await issuesOf(() => updateAssessment(courseId, id, form([keep({ questionId: shared[3] })])))).paths).toEqual(["slots.0.questionId"]);
      expect((await issuesOf(() => updateAssessment(courseId, id, form([keep({ points: 5 })])))).paths).toEqual(["slots.0.points"]);
      expect((await issuesOf(() => updateAssessment(courseId, id, form([keep()], { pythonVersion: "3.12" })))).paths).toEqual(["pythonVersion"]);
      // Nothing of a refused save was written.
      expect((await loadBuilderAssessment(courseId, id)).slots.map((s) => s.id)).toEqual([s1.id, s2.id]);

      // Dates, limits and release can change; the unanswered slot can go; a new one can come.
      await updateAssessment(courseId, id, form([keep(), { questionId: shared[3], points: 1, poolKey: null }], { title: "Answered", closesAt: "2027-02-01T09:00", maxAttempts: "2", releasePolicy: "AFTER_CLOSE" }));
      const after = await loadBuilderAssessment(courseId, id);
      expect(after.closesAt.toISOString()).toBe("2027-02-01T09:00:00.000Z");
      expect(after.maxAttempts).toBe(2);
      expect(after.releasePolicy).toBe("AFTER_CLOSE");
      expect(after.slots.map((s) => [s.questionId, s.attempts])).toEqual([[shared[0], 1], [shared[3], 0]]);
      expect(await outcome(() => setPublished(courseId, id, false))).toBe("conflict");

      const row = (await listCourseAssessments(courseId)).find((r) => r.id === id);
      expect(row).toMatchObject({ title: "Answered", slotCount: 2, attemptCount: 1 });
      expect(row?.publishedAt).not.toBeNull();
    });

    // Two connections are needed, so this runs on PostgreSQL only (the embedded socket takes one).
    it.skipIf(db.target !== "postgres")("a first attempt stored while the save runs is counted, not cascaded away with its slot", async () => {
      const { id } = await createAssessment(courseId, form([
        { questionId: shared[0], points: 1, poolKey: null },
        { questionId: shared[1], points: 1, poolKey: null },
      ], { title: "Race" }));
      const [s1, s2] = (await loadBuilderAssessment(courseId, id)).slots;
      const version = await db.prisma.questionVersion.findFirstOrThrow({ where: { questionId: s2.questionId } });
      const variant = await db.prisma.variant.create({
        data: { userId: student.id, questionId: s2.questionId, questionVersionId: version.id, assessmentQuestionId: s2.id, attemptNumber: 1, seed: 3, pythonVersion: "3.13" },
      });
      // A student's attempt at s2, inserted but not yet committed: its foreign key check holds a
      // KEY SHARE lock on the slot row, as the real submission path does.
      const other = new pg.Client({ connectionString: db.url });
      await other.connect();
      try {
        await other.query("BEGIN");
        await other.query(
          `INSERT INTO "Attempt" (id, "userId", "assessmentId", "assessmentQuestionId", "questionId", "questionVersionId", "variantId", seed, "pythonVersion", answer, correct, score, points, feedback, "idempotencyKey")
           VALUES ($1, $2, $3, $4, $5, $6, $7, 3, '3.13', '1', true, 1, 1, '{}', $8)`,
          [`race-${tag}`, student.id, id, s2.id, s2.questionId, version.id, variant.id, randomUUID()],
        );
        const save = issuesOf(() => updateAssessment(courseId, id, form([{ id: s1.id, questionId: s1.questionId, points: 1, poolKey: null }], { title: "Race" })));
        await new Promise((resolve) => setTimeout(resolve, 300));
        await other.query("COMMIT");
        const result = await save;
        expect(result.code).toBe("conflict");
        expect(result.messages.join(" ")).toMatch(/has 1 attempt and cannot be removed/);
      } finally {
        await other.end();
      }
      expect(await db.prisma.attempt.count({ where: { assessmentQuestionId: s2.id } })).toBe(1);
      expect((await loadBuilderAssessment(courseId, id)).slots.map((s) => s.id)).toEqual([s1.id, s2.id]);
    });
  });
});
