// The shape of a database's public schema as sorted lines, for comparing two databases: tables,
// columns (type, nullability, default), enums with their values, indexes and constraints.
// Prisma's bookkeeping table is left out. Used to check that schema.prisma and the migrations agree.
import pg from "pg";

export type Catalog = Record<"tables" | "columns" | "enums" | "indexes" | "constraints", string[]>;

const QUERIES: Record<keyof Catalog, string> = {
  tables: `SELECT table_name AS line FROM information_schema.tables
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  columns: `SELECT concat_ws(' | ', table_name, column_name, data_type, udt_name, is_nullable,
      coalesce(column_default, '-'), coalesce(character_maximum_length::text, '-'),
      coalesce(numeric_precision::text, '-'), coalesce(datetime_precision::text, '-')) AS line
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  enums: `SELECT t.typname || ' = ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' GROUP BY t.typname`,
  indexes: `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  constraints: `SELECT concat_ws(' | ', c.relname, k.conname, k.contype::text, pg_get_constraintdef(k.oid)) AS line
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'`,
};

export async function readCatalog(url: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const catalog: Catalog = { tables: [], columns: [], enums: [], indexes: [], constraints: [] };
    for (const key of Object.keys(QUERIES) as (keyof Catalog)[]) {
      // Sorted here rather than in SQL: PostgreSQL's collation and PGlite's may order text differently.
      catalog[key] = (await client.query<{ line: string }>(QUERIES[key])).rows.map((row) => row.line).sort();
    }
    return catalog;
  } finally {
    await client.end();
  }
}

/** Lines in one catalog and not the other, per category; empty when the databases agree. */
export function catalogDifferences(a: Catalog, b: Catalog): string[] {
  const out: string[] = [];
  for (const key of Object.keys(a) as (keyof Catalog)[]) {
    for (const line of a[key]) if (!b[key].includes(line)) out.push(`${key}: only in the first: ${line}`);
    for (const line of b[key]) if (!a[key].includes(line)) out.push(`${key}: only in the second: ${line}`);
  }
  return out;
}

/** Runs a SQL script (many statements) on one connection. */
export async function runScript(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
