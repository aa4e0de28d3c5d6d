// Runs one analytics query with room to sort and hash in memory. PostgreSQL's default work_mem
// (4 MB) sends the course views' sorts and hash tables (100,000 student-slot groups) to disk;
// SET LOCAL raises it for this one transaction only, so no other query is affected.
import { getPrisma, type Prisma } from "@/lib/db/client";

export async function analyticsQuery(query: Prisma.Sql): Promise<unknown[]> {
  const db = getPrisma();
  const [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL work_mem = '64MB'`, db.$queryRaw<unknown[]>(query)]);
  return rows;
}
