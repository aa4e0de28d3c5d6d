// The database side of authoring without any caller check: create / version / leave alone a
// course's question, import and export. The CLI (scripts/bank-*.ts, run by whoever holds the
// database) uses it directly; everything else goes through ./service.ts, which checks the
// caller's course role first. Kept free of lib/auth so the CLI does not load next-auth.
import type { PrismaClient } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/http/errors";
import { parseDefinition, type QuestionDefinition } from "@/lib/questions/schema";
import { exportFiles, type BankFile } from "./exchange";
import { decideVersion } from "./versions";

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
const asJson = (d: QuestionDefinition) => JSON.parse(JSON.stringify(d)) as object;

export type SaveResult = { questionId: string; version: number; action: "create" | "bump" | "unchanged" };

/** Creates, versions or leaves alone the course's question with this slug (or this id). */
export async function saveIn(tx: Tx, courseId: string, authorId: string | null, definition: QuestionDefinition, questionId: string | null): Promise<SaveResult> {
  const existing = questionId
    ? await tx.question.findFirst({ where: { id: questionId, OR: [{ courseId }, { courseId: null }] }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } })
    : await tx.question.findFirst({ where: { courseId, slug: definition.slug }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } });
  if (questionId && !existing) throw notFound("No such question in this course.");
  if (existing && existing.courseId !== courseId) throw forbidden("The shared bank is read-only: copy the question into your course to change it.");
  const latest = existing?.versions[0] ?? null;
  const decision = decideVersion(latest, definition);
  if (!existing) {
    const q = await tx.question.create({
      data: {
        courseId,
        slug: definition.slug,
        title: definition.title,
        mechanism: definition.mechanism,
        currentVersion: 1,
        authorId,
        versions: { create: { version: 1, definition: asJson(definition), authorId } },
      },
    });
    return { questionId: q.id, version: 1, action: "create" };
  }
  if (decision.action === "unchanged") return { questionId: existing.id, version: decision.version, action: "unchanged" };
  await tx.questionVersion.create({ data: { questionId: existing.id, version: decision.version, definition: asJson(definition), authorId } });
  // Past attempts keep their questionVersionId; only new variants use the new current version.
  await tx.question.update({
    where: { id: existing.id },
    data: { currentVersion: decision.version, title: definition.title, mechanism: definition.mechanism, slug: definition.slug },
  });
  return { questionId: existing.id, version: decision.version, action: "bump" };
}

export type ImportReport = { created: string[]; versioned: string[]; unchanged: string[] };

/** The import without the caller check, for the CLI (run by whoever holds the database). */
export async function importInto(prisma: PrismaClient, courseId: string, authorId: string | null, definitions: QuestionDefinition[]): Promise<ImportReport> {
  const report: ImportReport = { created: [], versioned: [], unchanged: [] };
  await prisma.$transaction(
    async (tx) => {
      for (const d of definitions) {
        const r = await saveIn(tx, courseId, authorId, d, null);
        ({ create: report.created, bump: report.versioned, unchanged: report.unchanged })[r.action].push(d.slug);
      }
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
  return report;
}

/** null: the shared bank. */
export async function exportFrom(prisma: PrismaClient, courseId: string | null): Promise<BankFile[]> {
  const questions = await prisma.question.findMany({ where: { courseId }, include: { versions: true } });
  const definitions: QuestionDefinition[] = [];
  for (const q of questions) {
    const v = q.versions.find((x) => x.version === q.currentVersion);
    const parsed = v ? parseDefinition(v.definition) : null;
    if (parsed?.ok) definitions.push(parsed.definition);
  }
  return exportFiles(definitions);
}
