/**
 * The oracle corpus on disk: programs in test/sim/corpus/<mechanism>/<name>.py, their real
 * CPython results in test/sim/expected/<mechanism>/<name>.json (written only by
 * scripts/gen-oracle.ts). Shared by the generator, the agreement test, the CLI test and the
 * benchmark so all four read one format, checked by zod at the file edge.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const CORPUS_DIR = path.join(ROOT, "test", "sim", "corpus");
export const EXPECTED_DIR = path.join(ROOT, "test", "sim", "expected");

export const VERSIONS = ["3.10", "3.11", "3.12", "3.13", "3.14"] as const;
export type Version = (typeof VERSIONS)[number];
export const MODES = ["script", "repl"] as const;
export type RunMode = (typeof MODES)[number];

export const OutcomeSchema = z.object({
  stdout: z.string(),
  /** The last line of stderr (the exception line) with its newline, or "". */
  stderr: z.string(),
  exitCode: z.number().int(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

export const CellSchema = z.object({
  script: OutcomeSchema,
  repl: OutcomeSchema,
  /** Set only for 3.14 when Pyodide's answer differs from python3.14 for a reason of its own. */
  pyodideQuirk: z.string().optional(),
});
export type Cell = z.infer<typeof CellSchema>;

export const ExpectationSchema = z.object({
  "3.10": CellSchema,
  "3.11": CellSchema,
  "3.12": CellSchema,
  "3.13": CellSchema,
  "3.14": CellSchema,
  expect: z.enum(["supported", "unsupported"]),
  generatedBy: z.literal("scripts/gen-oracle.ts"),
  cpython: z.record(z.string(), z.string()),
});
export type Expectation = z.infer<typeof ExpectationSchema>;

export interface Program {
  /** "<mechanism>/<name>", no extension: the key used in reports. */
  id: string;
  file: string;
  expectedFile: string;
  source: string;
  /** `# expect: unsupported`: outside the subset in both modes. */
  expectUnsupported: boolean;
  /**
   * `# expect: unsupported in repl: <why>`: the script is modelled, but in REPL mode its output
   * depends on something that is not CPython's memory model (the why says what), so the
   * simulator must refuse there.
   */
  unsupportedIn: { mode: RunMode; why: string } | null;
}

/** A header comment `# expect: unsupported` among the first lines marks a program outside the subset. */
export function expectsUnsupported(source: string): boolean {
  for (const line of source.split("\n").slice(0, 5)) {
    if (/^#\s*expect:\s*unsupported\b(?!\s+in\s)/.test(line)) return true;
  }
  return false;
}

/** A header comment `# expect: unsupported in <mode>: <why>` among the first lines. */
export function unsupportedIn(source: string): { mode: RunMode; why: string } | null {
  for (const line of source.split("\n").slice(0, 5)) {
    const m = /^#\s*expect:\s*unsupported in (script|repl):\s*(\S.*)$/.exec(line);
    if (m) return { mode: m[1] as RunMode, why: m[2].trim() };
  }
  return null;
}

export function listPrograms(filter?: string): Program[] {
  const out: Program[] = [];
  for (const mechanism of fs.readdirSync(CORPUS_DIR).sort()) {
    const dir = path.join(CORPUS_DIR, mechanism);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith(".py")) continue;
      const id = `${mechanism}/${name.slice(0, -3)}`;
      if (filter && !id.includes(filter)) continue;
      const file = path.join(dir, name);
      const source = fs.readFileSync(file, "utf8");
      out.push({
        id,
        file,
        expectedFile: path.join(EXPECTED_DIR, mechanism, `${name.slice(0, -3)}.json`),
        source,
        expectUnsupported: expectsUnsupported(source),
        unsupportedIn: unsupportedIn(source),
      });
    }
  }
  return out;
}

export function readExpectation(p: Program): Expectation | null {
  if (!fs.existsSync(p.expectedFile)) return null;
  return ExpectationSchema.parse(JSON.parse(fs.readFileSync(p.expectedFile, "utf8")));
}

/** Keeps only the last non-empty line of a stream: the simulator reports no traceback body. */
export function lastLine(text: string): string {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  return lines.length === 0 ? "" : `${lines[lines.length - 1]}\n`;
}
