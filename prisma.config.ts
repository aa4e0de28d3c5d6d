// Prisma 7 reads its datasource from here, not from schema.prisma.
//
// Only the Prisma CLI loads this file: `prisma generate` (no database needed) and, on machines that
// can download Prisma's native schema engine, `prisma migrate deploy`. The app applies migrations
// itself (lib/db/migrate.ts), so a missing DATABASE_URL must not break `generate` on a fresh clone.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/heapwise" },
});
