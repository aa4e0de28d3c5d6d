// Group commit (lib/attempts/group-commit.ts): concurrent submissions share one transaction and
// one round trip, each answered only after that transaction committed; one job's failure costs
// only that job. Runs on both targets (the embedded database serves one connection, so batches
// form there too).
import { describe, expect, it } from "vitest";
import { groupCommit } from "../../lib/attempts/group-commit";
import { literal, query, sql, SqlText } from "../../lib/db/raw";
import { useTestDatabase } from "../support/db";

const db = useTestDatabase();

async function table(name: string): Promise<void> {
  await query(sql`SELECT 1`); // opens the shared pool on this file's database
  await db.prisma.$executeRawUnsafe(`CREATE TABLE ${name} (k text PRIMARY KEY)`);
}

// The table name is the test's own constant; the value goes through `literal`.
const insert = (table: string, k: string) => new SqlText(`INSERT INTO ${table} (k) VALUES (${literal`${k}`.text}) RETURNING k, txid_current()::text AS tx`);

describe.skipIf(db.skip)("group commit", () => {
  it("joins concurrent jobs into shared transactions and answers each with its own rows, after they are stored", async () => {
    await table("gc_many");
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
    const answers = await Promise.all(keys.map((k) => groupCommit(k, [insert("gc_many", k)])));
    // Each job sees exactly its statement's result.
    expect(answers.map((results) => results.length)).toEqual(keys.map(() => 1));
    expect(answers.map((results) => results[0].rows[0].k)).toEqual(keys);
    // Every acknowledged row is there, once.
    const stored = await query<{ k: string }>(sql`SELECT k FROM gc_many ORDER BY k`);
    expect(stored.map((r) => r.k).sort()).toEqual([...keys].sort());
    // Fewer transactions than jobs: some were committed together.
    const transactions = new Set(answers.map((results) => results[0].rows[0].tx));
    expect(transactions.size).toBeLessThan(keys.length);
  });

  it("fails only the job at fault when a shared transaction is refused", async () => {
    await table("gc_fault");
    await groupCommit("taken", [insert("gc_fault", "taken")]);
    const keys = Array.from({ length: 20 }, (_, i) => (i === 7 ? "taken" : `f${i}`));
    const outcomes = await Promise.allSettled(keys.map((k) => groupCommit(k, [insert("gc_fault", k)])));
    const failed = outcomes.flatMap((o, i) => (o.status === "rejected" ? [keys[i]] : []));
    expect(failed).toEqual(["taken"]);
    const stored = await query<{ k: string }>(sql`SELECT k FROM gc_fault`);
    expect(stored.map((r) => r.k).sort()).toEqual([...new Set(["taken", ...keys])].sort());
  });
});
