// Reads the question bank from content/questions/<mechanism>/<slug>.json (server side only: it
// touches the file system). Every file is validated; one bad file fails the whole load with its
// path and field errors, so a broken template is caught by the bank test, never by a student.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDefinition, type QuestionDefinition } from "./schema";

// From the project root (where `next` and `vitest` run), not import.meta: bundlers rewrite module
// locations, the working directory stays put.
export const BANK_DIR = path.join(process.cwd(), "content", "questions");

export interface BankEntry {
  file: string;
  definition: QuestionDefinition;
}

export class BankError extends Error {
  constructor(readonly problems: string[]) {
    super(`question bank is invalid:\n${problems.join("\n")}`);
  }
}

export function loadBank(dir: string = BANK_DIR): BankEntry[] {
  const entries: BankEntry[] = [];
  const problems: string[] = [];
  for (const mechanism of readdirSync(dir, { withFileTypes: true })) {
    if (!mechanism.isDirectory()) continue;
    for (const name of readdirSync(path.join(dir, mechanism.name)).sort()) {
      if (!name.endsWith(".json")) continue;
      const file = path.join(mechanism.name, name);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
      } catch (error) {
        problems.push(`${file}: not JSON (${(error as Error).message})`);
        continue;
      }
      const r = parseDefinition(json);
      if (!r.ok) {
        problems.push(...r.errors.map((e) => `${file}: ${e}`));
        continue;
      }
      // The folder and file name restate the mechanism and slug, so a moved file is noticed.
      if (r.definition.mechanism !== mechanism.name) problems.push(`${file}: mechanism is ${r.definition.mechanism} but the file is in ${mechanism.name}/`);
      if (`${r.definition.slug}.json` !== name) problems.push(`${file}: slug ${r.definition.slug} does not match the file name`);
      entries.push({ file, definition: r.definition });
    }
  }
  const seen = new Map<string, string>();
  for (const e of entries) {
    const other = seen.get(e.definition.slug);
    if (other) problems.push(`${e.file}: slug ${e.definition.slug} already used by ${other}`);
    seen.set(e.definition.slug, e.file);
  }
  if (problems.length > 0) throw new BankError(problems);
  return entries;
}
