// Time on task for attempts that came through the JSON API without fetching their variant first:
// the submission issues the variant, so no time was measured. Real submissions through the
// attempt path, then the dashboards: such attempts show no time (null, an empty CSV cell) and stay
// out of the median instead of pulling it towards 0 s.
import { beforeAll, describe, expect, it } from "vitest";
import { assessmentAttemptsCsv, itemStats, studentDrillDown } from "../../lib/analytics";
import { submitAttempt } from "../../lib/attempts/submit";
import { getVariant } from "../../lib/attempts/variants";
import type { Caller } from "../../lib/auth/caller";
import { syncBank } from "../../lib/bank/sync";
import { loadBank } from "../../lib/questions/load";
import { useTestDatabase } from "../support/db";
import { key, makeAssessment, makeCourse, makeUser, questionId } from "./attempts-fixture";

const db = useTestDatabase();
const CHOICE = "what-assignment-does";

describe.skipIf(db.skip)(`time on task of API attempts (${db.target})`, () => {
  let teacher: Caller;
  let students: Record<"slow" | "quick" | "api1" | "api2", Caller>;
  let courseId: string;
  let assessmentId: string;
  let qid: string;

  beforeAll(async () => {
    await syncBank(db.prisma, loadBank());
    teacher = await makeUser(db.prisma, "teacher", "INSTRUCTOR");
    students = {
      slow: await makeUser(db.prisma, "slow"),
      quick: await makeUser(db.prisma, "quick"),
      api1: await makeUser(db.prisma, "api1"),
      api2: await makeUser(db.prisma, "api2"),
    };
    courseId = await makeCourse(db.prisma, teacher, Object.values(students));
    assessmentId = await makeAssessment(db.prisma, courseId, { slugs: [CHOICE] });
    qid = await questionId(db.prisma, CHOICE);
    const answer = { kind: "choice" as const, choice: 0 };
    // Two students see their variant and answer 40 s and 20 s after it was issued (the server's
    // clock is given to the submission).
    for (const [who, thinkMs] of [["slow", 40_000], ["quick", 20_000]] as const) {
      await getVariant(students[who], assessmentId, qid);
      const { issuedAt } = await db.prisma.variant.findFirstOrThrow({ where: { userId: students[who].id, questionId: qid } });
      await submitAttempt(students[who], { assessmentId, questionId: qid, answer, idempotencyKey: key() }, new Date(issuedAt.getTime() + thinkMs));
    }
    // Two scripts submit straight away, as POST /api/attempts allows.
    for (const who of ["api1", "api2"] as const) await submitAttempt(students[who], { assessmentId, questionId: qid, answer, idempotencyKey: key() });
  });

  it("stores the measured times, and nothing measured for a variant issued by its own submission", async () => {
    const rows = await db.prisma.attempt.findMany({ where: { assessmentId }, select: { userId: true, timeTakenMs: true } });
    const time = (who: keyof typeof students) => rows.find((r) => r.userId === students[who].id)?.timeTakenMs;
    expect([time("slow"), time("quick")]).toEqual([40_000, 20_000]);
    expect([0, null]).toContain(time("api1"));
    expect([0, null]).toContain(time("api2"));
  });

  it("takes the median time on task over the measured attempts only", async () => {
    const rows = await itemStats(teacher, assessmentId);
    const question = rows.find((r) => r.version === null);
    expect(question?.n).toBe(4);
    expect(question?.timeOnTaskMedianMs).toBe(30_000);
  });

  it("shows no time, not 0 s, in the student drill-down and the attempts export", async () => {
    const api = await studentDrillDown(teacher, courseId, students.api1.id);
    expect(api.attempts.map((a) => a.timeTakenMs)).toEqual([null]);
    const slow = await studentDrillDown(teacher, courseId, students.slow.id);
    expect(slow.attempts.map((a) => a.timeTakenMs)).toEqual([40_000]);

    let csv = "";
    for await (const line of assessmentAttemptsCsv(teacher, assessmentId)) csv += line;
    const lines = csv.trim().split(/\r?\n/);
    const times = lines.slice(1).map((l) => l.split(",").at(-1));
    expect(lines).toHaveLength(5);
    expect(times.sort()).toEqual(["", "", "20000", "40000"]);
  });
});
