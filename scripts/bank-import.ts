// `npm run bank:import -- --course ID --dir DIR`: imports every <mechanism>/<slug>.json under DIR
// into the course, through the same validation as the import page: any invalid file is reported
// as `file: field: message` and nothing is written. Prints one JSON line.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseImport, type BankFile } from "@/lib/authoring/exchange";
import { importInto } from "@/lib/authoring/store";
import { disconnectPrisma, getPrisma } from "@/lib/db/client";

function jsonFiles(dir: string, base = dir): BankFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return jsonFiles(full, base);
    return e.name.endsWith(".json") ? [{ path: path.relative(base, full).split(path.sep).join("/"), text: readFileSync(full, "utf8") }] : [];
  });
}

const { values } = parseArgs({ options: { course: { type: "string" }, dir: { type: "string" } } });
try {
  if (!values.course || !values.dir) throw new Error("usage: npm run bank:import -- --course COURSE_ID --dir DIR");
  const parsed = parseImport(jsonFiles(values.dir));
  if (parsed.errors.length > 0) {
    for (const e of parsed.errors) console.error(e);
    throw new Error(`${parsed.errors.length} problems: nothing imported`);
  }
  const prisma = getPrisma();
  const course = await prisma.course.findUnique({ where: { id: values.course }, select: { id: true } });
  if (!course) throw new Error(`no course ${values.course}`);
  const report = await importInto(prisma, course.id, null, parsed.definitions.map((d) => d.definition));
  console.log(JSON.stringify({ created: report.created.length, versioned: report.versioned.length, unchanged: report.unchanged.length }));
} catch (error) {
  console.error(`bank:import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectPrisma();
}
