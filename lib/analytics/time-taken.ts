// When an attempt's time on task is known. timeTakenMs is the time from the variant being issued
// to the submission (lib/attempts/submit.ts). A client that submits without fetching its variant
// first (the JSON API, a script) has the variant issued by the submission itself, so the stored
// time is 0: nothing was measured. Every dashboard and export reads the column through this, so
// such attempts show "—" and stay out of medians instead of counting as 0 s.
import { Prisma } from "@/lib/db/client";

/** The column as a time on task: NULL when not measured. */
export const timeTakenSql = (column: Prisma.Sql): Prisma.Sql => Prisma.sql`NULLIF(${column}, 0)`;
