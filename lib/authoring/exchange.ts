// Import and export between the database and files in content/questions' layout, so a course's
// questions can live in git: <mechanism>/<slug>.json, sorted keys, two-space indent (the same
// text for the same definition on every export, so git diffs show real changes only). Import
// applies the rules of lib/questions/load.ts to every file and reports `file: path: message`.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parseDefinition, type QuestionDefinition } from "@/lib/questions/schema";
import { definitionText } from "./versions";

export interface BankFile {
  path: string;
  text: string;
}

export function exportFiles(definitions: QuestionDefinition[]): BankFile[] {
  return definitions
    .map((d) => ({ path: `${d.mechanism}/${d.slug}.json`, text: definitionText(d) }))
    .sort((x, y) => x.path.localeCompare(y.path));
}

export function zipFiles(files: BankFile[]): Uint8Array {
  // A fixed date keeps the archive byte-identical for identical content.
  const mtime = new Date("2020-01-01T00:00:00Z");
  return zipSync(Object.fromEntries(files.map((f) => [f.path, [strToU8(f.text), { mtime }]])), { level: 6 });
}

/** The JSON files of a zip (folders and other files ignored), with their paths inside it. */
export function unzipFiles(zip: Uint8Array): BankFile[] {
  const entries = unzipSync(zip, { filter: (f) => f.name.endsWith(".json") && f.originalSize <= 1_000_000 });
  return Object.entries(entries).map(([path, data]) => ({ path, text: strFromU8(data) }));
}

export type ImportParse = { definitions: { file: string; definition: QuestionDefinition }[]; errors: string[] };

/**
 * Validates every file; nothing is imported unless all are valid. A path ends in
 * `<mechanism>/<slug>.json` (leading folders, such as `content/questions/`, are allowed), and the
 * folder and name must restate the definition's mechanism and slug, as in the bank.
 */
export function parseImport(files: BankFile[]): ImportParse {
  const definitions: ImportParse["definitions"] = [];
  const errors: string[] = [];
  const seen = new Map<string, string>();
  for (const f of [...files].sort((x, y) => x.path.localeCompare(y.path))) {
    const file = f.path.replace(/\\/g, "/").replace(/^\/+/, "");
    let json: unknown;
    try {
      json = JSON.parse(f.text);
    } catch (error) {
      errors.push(`${file}: (root): not JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const r = parseDefinition(json);
    if (!r.ok) {
      errors.push(...r.errors.map((e) => `${file}: ${e}`));
      continue;
    }
    const parts = file.split("/");
    const name = parts.at(-1) ?? "";
    const folder = parts.at(-2);
    if (folder !== undefined && folder !== r.definition.mechanism) errors.push(`${file}: mechanism: is ${r.definition.mechanism} but the file is in ${folder}/`);
    if (name !== `${r.definition.slug}.json`) errors.push(`${file}: slug: ${r.definition.slug} does not match the file name`);
    const other = seen.get(r.definition.slug);
    if (other) errors.push(`${file}: slug: ${r.definition.slug} already used by ${other}`);
    seen.set(r.definition.slug, file);
    definitions.push({ file, definition: r.definition });
  }
  if (files.length === 0) errors.push("(no files): nothing to import");
  return { definitions: errors.length > 0 ? [] : definitions, errors };
}
