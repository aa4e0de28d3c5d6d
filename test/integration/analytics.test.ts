// Every analytics function against the hand-worked class (test/fixtures/analytics/HAND.md), on the
// database target chosen by HEAPWISE_TEST_DB. Expected values are the hand arithmetic written as
// expressions, compared to 1e-9.
import { beforeAll, describe, expect, it } from "vitest";
import {
  attemptsCsv,
  cronbachAlpha,
  gradesCsv,
  itemStats,
  masteryHeatmap,
  progressOverTime,
  scoreDistribution,
  studentDrillDown,
  type ItemStats,
} from "../../lib/analytics";
import { HttpError } from "../../lib/http/errors";
import { M1, M2, M3, seedHandClass, type HandClass } from "../fixtures/analytics/class";
import { useTestDatabase } from "../support/db";

const db = useTestDatabase();
const close = (actual: number | null | undefined, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThan(1e-9);
};
const curve = (actual: (number | null)[], expected: (number | null)[]) => {
  expect(actual).toHaveLength(5);
  expected.forEach((e, i) => (e === null ? expect(actual[i]).toBeNull() : close(actual[i], e)));
};
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

describe.skipIf(db.skip)(`analytics on the hand class (${db.target})`, () => {
  let c: HandClass;
  beforeAll(async () => {
    c = await seedHandClass(db.prisma);
  });

  it("score distribution", async () => {
    const d = await scoreDistribution(c.owner, c.assessmentId);
    expect(d.students).toBe(5);
    close(d.possible, 3);
    close(d.mean, 7.5 / 5);
    close(d.median, 1.5);
    close(d.sd, Math.sqrt(5 / 5));
    close(d.min, 0);
    close(d.max, 3);
    expect(d.bins).toEqual([1, 0, 0, 1, 0, 1, 1, 0, 0, 1]);
  });

  it("item statistics per question and per version", async () => {
    const rows = await itemStats(c.ta, c.assessmentId);
    const row = (q: 1 | 2 | 3, version: number | null): ItemStats => {
      const r = rows.find((x) => x.slotId === c.slots[q] && x.version === version);
      if (!r) throw new Error(`no row for Q${q} v${version}`);
      return r;
    };
    // Q1 and its two versions, Q2 and its one, Q3 and its one, in dashboard order.
    expect(rows.map((r) => [r.position, r.version])).toEqual([[1, null], [1, 1], [1, 2], [2, null], [2, 1], [3, null], [3, 1]]);

    const q1 = row(1, null);
    expect(q1.n).toBe(5);
    close(q1.facility, 3 / 5);
    close(q1.discrimination, 0.8 / Math.sqrt(1.2 * 2.2));
    close(q1.attemptsToFirstCorrect.mean, 4 / 3);
    close(q1.attemptsToFirstCorrect.median, 1);
    close(q1.timeOnTaskMedianMs, 30_000);
    curve(q1.quintiles, [0, 0, 1, 1, 1]);
    expect(q1.wrongAnswers).toEqual([
      { answer: { kind: "integer", value: 3 }, misconception: M1, count: 4 },
      { answer: { kind: "integer", value: 5 }, misconception: null, count: 1 },
    ]);

    const v1 = row(1, 1);
    expect(v1.versionId).toBe(c.versions.q1v1);
    expect(v1.n).toBe(2);
    close(v1.facility, 1);
    expect(v1.discrimination).toBeNull();
    close(v1.attemptsToFirstCorrect.mean, 1.5);
    close(v1.attemptsToFirstCorrect.median, 1.5);
    close(v1.timeOnTaskMedianMs, 22_500);
    curve(v1.quintiles, [null, null, null, 1, 1]);
    expect(v1.wrongAnswers).toEqual([{ answer: { kind: "integer", value: 3 }, misconception: M1, count: 1 }]);

    const v2 = row(1, 2);
    expect(v2.n).toBe(3);
    close(v2.facility, 1 / 3);
    close(v2.discrimination, 0);
    close(v2.attemptsToFirstCorrect.mean, 1);
    close(v2.attemptsToFirstCorrect.median, 1);
    close(v2.timeOnTaskMedianMs, 30_000);
    curve(v2.quintiles, [0, 0, 1, null, null]);
    expect(v2.wrongAnswers).toEqual([
      { answer: { kind: "integer", value: 3 }, misconception: M1, count: 3 },
      { answer: { kind: "integer", value: 5 }, misconception: null, count: 1 },
    ]);

    for (const q2 of [row(2, null), row(2, 1)]) {
      expect(q2.n).toBe(5);
      expect(q2.mechanism).toBe("interning");
      close(q2.facility, 3 / 5);
      close(q2.discrimination, 0.3 / Math.sqrt(1.2 * 3.2));
      close(q2.attemptsToFirstCorrect.mean, 4 / 3);
      close(q2.attemptsToFirstCorrect.median, 1);
      close(q2.timeOnTaskMedianMs, 20_000);
      curve(q2.quintiles, [0, 1, 0, 1, 1]);
      expect(q2.wrongAnswers).toEqual([
        { answer: { kind: "choice", choice: 0 }, misconception: M2, count: 2 },
        { answer: { kind: "choice", choice: 2 }, misconception: null, count: 1 },
      ]);
    }

    const q3 = row(3, null);
    expect(q3.n).toBe(4);
    close(q3.facility, 1 / 4);
    close(q3.discrimination, 0.25 / Math.sqrt(0.6875 * 1));
    close(q3.attemptsToFirstCorrect.mean, 1);
    close(q3.attemptsToFirstCorrect.median, 1);
    close(q3.timeOnTaskMedianMs, (40_000 + 50_000) / 2);
    curve(q3.quintiles, [null, 0, 0, 0, 1]);
    expect(q3.wrongAnswers).toEqual([
      { answer: { kind: "output", value: "X" }, misconception: M3, count: 2 },
      { answer: { kind: "output", value: "Y" }, misconception: null, count: 1 },
    ]);
  });

  it("Cronbach's alpha", async () => {
    const a = await cronbachAlpha(c.owner, c.assessmentId);
    expect(a.items).toBe(3);
    expect(a.students).toBe(5);
    close(a.sumItemVariance, 0.24 + 0.24 + 0.16);
    close(a.totalVariance, 1);
    close(a.alpha, (3 / 2) * (1 - 0.64 / 1));
  });

  it("mastery heatmap", async () => {
    const cells = await masteryHeatmap(c.owner, c.courseId);
    const share = (k: keyof HandClass["students"], m: string) => cells.find((x) => x.userId === c.students[k].id && x.mechanism === m)?.share;
    const expected: [keyof HandClass["students"], number, number][] = [
      ["S1", 2 / 2, 1],
      ["S2", 1 / 2, 1],
      ["S3", 1.5 / 2, 0],
      ["S4", 0 / 2, 1],
      ["S5", 0 / 1, 0],
    ];
    for (const [k, refcount, interning] of expected) {
      close(share(k, "refcount"), refcount);
      close(share(k, "interning"), interning);
    }
    const s5 = cells.find((x) => x.userId === c.students.S5.id && x.mechanism === "refcount");
    expect(s5?.possible).toBe(1);
    expect(cells).toHaveLength(10); // S6 attempted nothing: no cells
  });

  it("progress over time, per week", async () => {
    const weeks = await progressOverTime(c.ta, c.courseId);
    expect(weeks.map((w) => w.weekStart.toISOString())).toEqual(c.weeks.map((w) => w.toISOString()));
    expect(weeks.map((w) => [w.attempts, w.students])).toEqual([[8, 5], [6, 5], [4, 4]]);
    [3 / 8, 3 / 6, 1 / 4].forEach((f, i) => close(weeks[i].facility, f));
    [3 / 8, 3 / 6, 1.5 / 4].forEach((m, i) => close(weeks[i].meanScore, m));
  });

  it("student drill-down: each attempt's answer, key and misconception", async () => {
    const d = await studentDrillDown(c.ta, c.courseId, c.students.S2.id);
    expect(d.student.id).toBe(c.students.S2.id);
    expect(d.attempts.map((a) => [a.questionTitle, a.version, a.answer, a.key, a.misconception, a.score])).toEqual([
      ["Hand Q1", 1, { kind: "integer", value: 3 }, { kind: "integer", value: 2 }, M1, 0],
      ["Hand Q1", 1, { kind: "integer", value: 2 }, { kind: "integer", value: 2 }, null, 1],
      ["Hand Q1", 2, { kind: "integer", value: 3 }, { kind: "integer", value: 2 }, M1, 0],
      ["Hand Q2", 1, { kind: "choice", choice: 1 }, { kind: "choice", choice: 1 }, null, 1],
      ["Hand Q3", 1, { kind: "output", value: "X" }, { kind: "output", value: "ok" }, M3, 0],
    ]);
    expect(await refused(() => studentDrillDown(c.owner, c.courseId, c.otherInstructor.id))).toBe("not_found");
  });

  it("grades CSV: a row per student, defused and quoted, across page boundaries", async () => {
    const text = await drain(gradesCsv(c.owner, c.courseId, 2));
    const lines = text.split("\r\n");
    expect(lines.pop()).toBe("");
    expect(lines[0]).toBe("student,email,Homework 1");
    const byStudent = new Map<string, string>();
    const points = { S1: "3", S2: "2", S3: "1.5", S4: "1", S5: "0", S6: "" } as const;
    for (const [k, p] of Object.entries(points) as [keyof typeof points, string][]) {
      const s = c.students[k];
      byStudent.set(s.id, p);
    }
    const sorted = Object.values(c.students).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(lines.slice(1)).toEqual(
      sorted.map((s) => {
        const name = s.name.startsWith("=") ? `"'${s.name.replace(/"/g, '""')}"` : s.name.includes(",") ? `"${s.name.replace(/"/g, '""')}"` : s.name;
        return `${name},${s.email},${byStudent.get(s.id)}`;
      }),
    );
    expect(lines).toContain(`"'=HYPERLINK(""http://x"")",${c.students.S1.email},3`);
    expect(lines).toContain(`"Lee, ""Al""",${c.students.S2.email},2`);
  });

  it("attempts CSV: every attempt once, oldest first, across page boundaries", async () => {
    const text = await drain(attemptsCsv(c.ta, c.courseId, 3));
    const lines = text.split("\r\n").slice(1, -1);
    expect(lines).toHaveLength(18);
    expect(new Set(lines.map((l) => l.split(",")[0])).size).toBe(18);
    const stamps = lines.map((l) => l.split(",")[1]);
    expect([...stamps].sort()).toEqual(stamps);
    expect(lines[0]).toContain(`,${c.students.S1.email},Homework 1,hand-q1,1,"{""kind"": ""integer"", ""value"": 2}",true,1,1,,10000`);
  });

  it("LAST policy: S2's last Q1 attempt (wrong) counts instead of their best", async () => {
    // HAND.md, under LAST: only S2's counted Q1 changes (1 → 0), so S2's total is 1 and their
    // refcount share 0/2; Q1's facility 2/5. Restored afterwards for the other tests.
    await db.prisma.assessment.update({ where: { id: c.assessmentId }, data: { scorePolicy: "LAST" } });
    try {
      const cells = await masteryHeatmap(c.owner, c.courseId);
      close(cells.find((x) => x.userId === c.students.S2.id && x.mechanism === "refcount")?.share, 0 / 2);
      close(cells.find((x) => x.userId === c.students.S4.id && x.mechanism === "interning")?.share, 1);
      const csv = await drain(gradesCsv(c.owner, c.courseId));
      expect(csv).toContain(`"Lee, ""Al""",${c.students.S2.email},1\r\n`);
      const q1 = (await itemStats(c.owner, c.assessmentId)).find((r) => r.slotId === c.slots[1] && r.version === null);
      close(q1?.facility, 2 / 5);
      close((await scoreDistribution(c.owner, c.assessmentId)).mean, (3 + 1 + 1.5 + 1 + 0) / 5);
    } finally {
      await db.prisma.assessment.update({ where: { id: c.assessmentId }, data: { scorePolicy: "BEST" } });
    }
  });

  it("authorization: a TA reads; a student and another course's instructor are refused", async () => {
    const all = (who: HandClass["owner"]) => [
      () => scoreDistribution(who, c.assessmentId),
      () => itemStats(who, c.assessmentId),
      () => cronbachAlpha(who, c.assessmentId),
      () => masteryHeatmap(who, c.courseId),
      () => progressOverTime(who, c.courseId),
      () => studentDrillDown(who, c.courseId, c.students.S1.id),
      () => drain(gradesCsv(who, c.courseId)),
      () => drain(attemptsCsv(who, c.courseId)),
    ];
    for (const work of all(c.ta)) expect(await refused(work)).toBe("allowed");
    for (const work of all(c.students.S1)) expect(await refused(work)).toBe("forbidden");
    for (const work of all(c.otherInstructor)) expect(await refused(work)).toBe("forbidden");
    expect(await refused(() => scoreDistribution(c.owner, "no-such-assessment"))).toBe("not_found");
    expect(await refused(() => masteryHeatmap(c.owner, "no-such-course"))).toBe("not_found");
  });
});
