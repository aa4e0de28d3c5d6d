// What the instructor dashboards add to lib/analytics, on the hand-worked class
// (test/fixtures/analytics/HAND.md): the course dashboard's shared counted-points table gives the
// same numbers as the separate functions (whose hand values analytics.test.ts checks); the
// per-assessment attempts export; the program behind one attempt; and who may read them.
import { beforeAll, describe, expect, it } from "vitest";
import {
  assessmentAttemptsCsv,
  attemptProgram,
  courseDashboard,
  courseScoreDistributions,
  courseStudents,
  masteryHeatmap,
  progressOverTime,
  scoreDistribution,
} from "../../lib/analytics";
import { assessmentOfCourse } from "../../lib/analytics/access";
import { HttpError } from "../../lib/http/errors";
import { regradeHistory, regradeQuestions } from "../../lib/regrade";
import { seedHandClass, type HandClass } from "../fixtures/analytics/class";
import { useTestDatabase } from "../support/db";

const db = useTestDatabase();

async function drain(lines: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const line of lines) text += line;
  return text;
}
async function refused(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (error instanceof HttpError) return error.code;
    throw error;
  }
  return "allowed";
}

describe.skipIf(db.skip)(`instructor dashboards on the hand class (${db.target})`, () => {
  let c: HandClass;
  beforeAll(async () => {
    c = await seedHandClass(db.prisma);
  });

  it("course dashboard: counted points computed once, the same numbers as each statistic alone", async () => {
    const dash = await courseDashboard(c.owner, c.courseId);
    const byCell = (xs: { userId: string; mechanism: string }[]) => [...xs].sort((a, b) => `${a.userId}${a.mechanism}`.localeCompare(`${b.userId}${b.mechanism}`));
    expect(byCell(dash.mastery)).toEqual(byCell(await masteryHeatmap(c.owner, c.courseId)));
    expect(dash.progress).toEqual(await progressOverTime(c.owner, c.courseId));
    expect(dash.assessments).toEqual(await courseScoreDistributions(c.owner, c.courseId));
    // The per-course distribution agrees with the assessment's own (hand values: 5 students, mean 1.5 of 3).
    const own = await scoreDistribution(c.owner, c.assessmentId);
    const summary = dash.assessments.find((a) => a.id === c.assessmentId);
    expect(summary).toMatchObject({ students: own.students, possible: own.possible, bins: own.bins });
    expect(summary?.mean).toBeCloseTo(own.mean ?? Number.NaN, 9);
    expect(summary?.median).toBeCloseTo(own.median ?? Number.NaN, 9);
    expect(dash.students.map((s) => s.id).sort()).toEqual(Object.values(c.students).map((s) => s.id).sort());
    // A TA reads the same.
    expect((await courseDashboard(c.ta, c.courseId)).mastery).toHaveLength(dash.mastery.length);
  });

  it("attempts CSV of one assessment: every attempt once, by student then oldest first, across pages", async () => {
    const text = await drain(assessmentAttemptsCsv(c.ta, c.assessmentId, 4));
    const lines = text.split("\r\n").slice(1, -1);
    expect(lines).toHaveLength(18);
    expect(new Set(lines.map((l) => l.split(",")[0])).size).toBe(18);
    const emails = lines.map((l) => l.split(",")[2]);
    const ids = Object.values(c.students).sort((a, b) => (a.id < b.id ? -1 : 1));
    const order = ids.map((s) => s.email).filter((e) => emails.includes(e));
    expect([...new Set(emails)]).toEqual(order);
    for (const e of order) {
      const stamps = lines.filter((l) => l.split(",")[2] === e).map((l) => l.split(",")[1]);
      expect([...stamps].sort()).toEqual(stamps);
    }
  });

  it("refuses a student and another course's instructor; a mixed-up course is not found", async () => {
    for (const who of [c.students.S1, c.otherInstructor]) {
      expect(await refused(() => courseDashboard(who, c.courseId))).toBe("forbidden");
      expect(await refused(() => drain(assessmentAttemptsCsv(who, c.assessmentId)))).toBe("forbidden");
      expect(await refused(() => courseStudents(who, c.courseId))).toBe("forbidden");
      expect(await refused(() => regradeHistory(who, c.assessmentId))).toBe("forbidden");
    }
    expect(await refused(() => assessmentOfCourse(c.owner, "another-course", c.assessmentId))).toBe("not_found");
    expect(await refused(() => attemptProgram(c.owner, c.courseId, c.students.S1.id, "no-such-attempt"))).toBe("not_found");
  });

  it("regrade page data: the questions with their versions and attempt counts, readable by a TA", async () => {
    const qs = await regradeQuestions(c.ta, c.assessmentId);
    expect(qs.map((q) => q.position)).toEqual([1, 2, 3]);
    const q1 = qs.find((q) => q.questionId === c.questions[1]);
    expect(q1?.versions.map((v) => v.version)).toEqual([1, 2]);
    const attempts = await db.prisma.attempt.count({ where: { assessmentId: c.assessmentId, questionId: c.questions[1] } });
    expect(q1?.versions.reduce((n, v) => n + v.attempts, 0)).toBe(attempts);
    expect(await regradeHistory(c.ta, c.assessmentId)).toEqual([]);
  });
});
