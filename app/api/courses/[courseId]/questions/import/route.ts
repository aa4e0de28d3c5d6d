// POST {files: [{path, text}]} or {zip: base64}: imports question files into the course
// (INSTRUCTOR). Every file is validated first and nothing is written unless all are valid; the
// answer lists `file: field: message` for each problem, or what was created, versioned, unchanged.
import { z } from "zod";
import { parseImport, unzipFiles, type BankFile } from "@/lib/authoring/exchange";
import { importDefinitions } from "@/lib/authoring/server";
import { invalid } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { courseAccess } from "@/lib/courses/access";

const params = z.object({ courseId: z.string().min(1).max(64) });
const body = z.union([
  z.object({ files: z.array(z.object({ path: z.string().min(1).max(300), text: z.string().max(1_000_000) })).min(1).max(2_000) }),
  z.object({ zip: z.base64().max(20_000_000) }),
]);

// A zip of a whole bank is far over route()'s default body cap (lib/http/route.ts); the schema
// bounds it. The role first (access): a TA or stranger learns nothing about the files' validity.
export const POST = route({ auth: "user", params, access: courseAccess("edit"), body, maxBodyBytes: 28 * 1024 * 1024 }, async ({ caller, params: p, body: b }) => {
  let files: BankFile[];
  if ("zip" in b) {
    try {
      files = unzipFiles(new Uint8Array(Buffer.from(b.zip, "base64")));
    } catch {
      throw invalid("The zip file cannot be read.");
    }
  } else files = b.files;
  const parsed = parseImport(files);
  if (parsed.errors.length > 0) return Response.json({ error: "invalid", message: "Some files are not valid: nothing was imported.", problems: parsed.errors }, { status: 400 });
  const report = await importDefinitions(caller, p.courseId, parsed.definitions.map((d) => d.definition));
  return { files: parsed.definitions.length, ...report };
});
