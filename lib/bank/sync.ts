// Imports the content bank (content/questions, read by lib/questions/load.ts) into the database:
// one shared Question row per template (courseId null) and a new immutable QuestionVersion only
// when the definition changed. Comparing stable JSON (sorted keys) rather than text means a
// re-sync after a whitespace or key-order edit adds no version, so stored attempts keep pointing
// at the version that is still current.
import { type PrismaClient } from "@/lib/db/client";
import { loadBank, type BankEntry } from "@/lib/questions/load";
import { parseDefinition, type QuestionDefinition } from "@/lib/questions/schema";
import { stableJson } from "./stable-json";

// An arbitrary constant shared by every bank sync ("hwbank" in ASCII).
const BANK_LOCK = 0x687762616e6b;

export type SyncReport = { created: string[]; versioned: string[]; unchanged: number };

/** The definition as the JSON value Prisma stores (defaults applied, undefined fields gone). */
function asJson(definition: QuestionDefinition): Parameters<PrismaClient["questionVersion"]["create"]>[0]["data"]["definition"] {
  return JSON.parse(JSON.stringify(definition));
}

/** Same content? Both sides are parsed first, so defaults written out or left implicit agree. */
function sameDefinition(stored: unknown, definition: QuestionDefinition): boolean {
  const parsed = parseDefinition(stored);
  return parsed.ok && stableJson(parsed.definition) === stableJson(definition);
}

export async function syncBank(prisma: PrismaClient, entries: BankEntry[] = loadBank()): Promise<SyncReport> {
  const report: SyncReport = { created: [], versioned: [], unchanged: 0 };
  for (const { definition } of entries) {
    // One transaction per template: a crash mid-sync leaves every template either old or new.
    await prisma.$transaction(async (tx) => {
      // Two syncs at once (two app processes seeding, parallel test workers) would both miss the
      // row and create it twice: NULL courseIds escape the unique index. A transaction-scoped
      // advisory lock makes each template's check-then-write one step.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BANK_LOCK})`;
      // (courseId, slug) is unique, but PostgreSQL treats NULL courseIds as distinct, so the
      // shared bank row is found by query rather than by upsert on the compound key.
      const existing = await tx.question.findFirst({
        where: { courseId: null, slug: definition.slug },
        include: { versions: { orderBy: { version: "desc" }, take: 1 } },
      });
      if (!existing) {
        await tx.question.create({
          data: {
            slug: definition.slug,
            title: definition.title,
            mechanism: definition.mechanism,
            currentVersion: 1,
            versions: { create: { version: 1, definition: asJson(definition) } },
          },
        });
        report.created.push(definition.slug);
        return;
      }
      const latest = existing.versions[0];
      if (latest && sameDefinition(latest.definition, definition)) {
        report.unchanged++;
        return;
      }
      const version = (latest?.version ?? 0) + 1;
      await tx.questionVersion.create({ data: { questionId: existing.id, version, definition: asJson(definition) } });
      await tx.question.update({
        where: { id: existing.id },
        data: { currentVersion: version, title: definition.title, mechanism: definition.mechanism },
      });
      report.versioned.push(definition.slug);
      // Generous waits: a concurrent sync holds the lock (and, embedded, the one connection).
    }, { maxWait: 30_000, timeout: 30_000 });
  }
  return report;
}
