// `npm run bank:export -- --course ID --out DIR`: writes the course's questions (current
// versions) into DIR in content/questions' layout (<mechanism>/<slug>.json), through the same
// code as the export page. `--course bank` exports the shared bank. Prints one JSON line.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { exportFrom } from "@/lib/authoring/store";
import { disconnectPrisma, getPrisma } from "@/lib/db/client";

const { values } = parseArgs({ options: { course: { type: "string" }, out: { type: "string" } } });
try {
  if (!values.course || !values.out) throw new Error("usage: npm run bank:export -- --course COURSE_ID --out DIR");
  const prisma = getPrisma();
  const files = await exportFrom(prisma, values.course === "bank" ? null : values.course);
  for (const f of files) {
    const file = path.join(values.out, f.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, f.text);
  }
  console.log(JSON.stringify({ exported: files.length, out: values.out }));
} catch (error) {
  console.error(`bank:export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectPrisma();
}
