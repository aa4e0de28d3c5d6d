// Item statistics of one assessment, per question and per question version: the server work of
// the assessment dashboard's item table. Each statistic is its own SQL query (item-core.ts,
// quintiles.ts, wrong-answers.ts); this module only authorizes and joins their rows by item.
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { getPrisma } from "@/lib/db/client";
import { authorizeAssessment } from "./access";
import { itemCore } from "./item-core";
import { quintiles } from "./quintiles";
import { wrongAnswers } from "./wrong-answers";

const slotSchema = z.object({
  slotId: z.string(),
  position: z.number().int(),
  points: z.number(),
  questionId: z.string(),
  title: z.string(),
  mechanism: z.string(),
});
const versionSchema = z.object({ id: z.string(), version: z.number().int() });

export type ItemStats = {
  slotId: string;
  position: number;
  points: number;
  questionId: string;
  title: string;
  mechanism: string;
  /** null: the whole question; otherwise the version of the students' counted attempts. */
  version: number | null;
  versionId: string | null;
  n: number;
  facility: number;
  discrimination: number | null;
  /** Share correct in each fifth of the class, lowest fifth first; null where nobody in it tried. */
  quintiles: (number | null)[];
  attemptsToFirstCorrect: { mean: number | null; median: number | null };
  timeOnTaskMedianMs: number | null;
  wrongAnswers: { answer: unknown; misconception: string | null; count: number }[];
};

export async function itemStats(caller: Caller, assessmentId: string): Promise<ItemStats[]> {
  const { assessment } = await authorizeAssessment(caller, assessmentId);
  const db = getPrisma();
  const [slotRows, core, fifths, wrong] = await Promise.all([
    db.$queryRaw<unknown[]>`
      SELECT aq.id AS "slotId", aq.position, aq.points, q.id AS "questionId", q.title, q.mechanism
      FROM "AssessmentQuestion" aq JOIN "Question" q ON q.id = aq."questionId"
      WHERE aq."assessmentId" = ${assessment.id} ORDER BY aq.position`,
    itemCore(assessment.id),
    quintiles(assessment.id),
    wrongAnswers(assessment.id),
  ]);
  const slots = z.array(slotSchema).parse(slotRows);
  const versionIds = [...new Set(core.flatMap((r) => (r.versionId ? [r.versionId] : [])))];
  const versions = new Map(
    z
      .array(versionSchema)
      .parse(await db.questionVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, version: true } }))
      .map((v) => [v.id, v.version]),
  );
  const keyOf = (slotId: string, versionId: string | null) => `${slotId}\u0000${versionId ?? ""}`;
  const bySlot = new Map(slots.map((s) => [s.slotId, s]));
  const curves = new Map<string, (number | null)[]>();
  for (const f of fifths) {
    const k = keyOf(f.slotId, f.versionId);
    const curve = curves.get(k) ?? [null, null, null, null, null];
    curve[f.quintile - 1] = f.facility;
    curves.set(k, curve);
  }
  const wrongBy = new Map<string, ItemStats["wrongAnswers"]>();
  for (const w of wrong) {
    const k = keyOf(w.slotId, w.versionId);
    wrongBy.set(k, [...(wrongBy.get(k) ?? []), { answer: w.answer, misconception: w.misconception, count: w.count }]);
  }
  const out: ItemStats[] = [];
  for (const r of core) {
    const slot = bySlot.get(r.slotId);
    if (!slot) continue;
    const k = keyOf(r.slotId, r.versionId);
    out.push({
      ...slot,
      version: r.versionId ? (versions.get(r.versionId) ?? null) : null,
      versionId: r.versionId,
      n: r.n,
      facility: r.facility,
      discrimination: r.discrimination,
      quintiles: curves.get(k) ?? [null, null, null, null, null],
      attemptsToFirstCorrect: { mean: r.attemptsToFirstCorrectMean, median: r.attemptsToFirstCorrectMedian },
      timeOnTaskMedianMs: r.timeOnTaskMedianMs,
      wrongAnswers: wrongBy.get(k) ?? [],
    });
  }
  // Dashboard order: by position, the question row before its versions, versions ascending.
  return out.sort((a, b) => a.position - b.position || (a.version ?? -1) - (b.version ?? -1));
}
