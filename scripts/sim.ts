/**
 * The simulator's command line, a stable contract other tools use:
 *
 *   npm run --silent sim -- [--python 3.12] [--mode script|repl] [--trace [--trace-out F]] FILE
 *     Prints the program's stdout and stderr as CPython would (stderr: the exception's last
 *     line only) and exits with CPython's exit code; a simulator-only outcome keeps its own
 *     code (2 unsupported, 3 budget exhausted, 70 internal fault).
 *     --trace: the trace, as one JSON line, goes to the file named by --trace-out, or else to
 *     stderr after the program's own stderr (so stdout stays exactly the program's output).
 *   npm run --silent sim -- --json [--python V] [--mode M] FILE...
 *     One JSON line per file, {"file","python","mode","stdout","stderr","exitCode"}, and
 *     nothing else on stdout. Exit 0, or 1 if a file could not be read (its line then carries
 *     CPython's own "can't open file" message and exit code 2).
 * Defaults: --python 3.12, --mode script. A usage error prints to stderr and exits 64.
 * `simCli` is the same contract in-process (for tests and tools that do not want a spawn).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { run } from "../lib/sim/index";

const ArgsSchema = z
  .object({
    python: z.enum(["3.10", "3.11", "3.12", "3.13", "3.14"]).default("3.12"),
    mode: z.enum(["script", "repl"]).default("script"),
    trace: z.boolean().default(false),
    "trace-out": z.string().min(1).optional(),
    json: z.boolean().default(false),
    files: z.array(z.string().min(1)).min(1, "no FILE given"),
  })
  .refine((a) => a.json || a.files.length === 1, { message: "give exactly one FILE (or use --json)" })
  .refine((a) => !(a.json && a.trace), { message: "--trace cannot be combined with --json" })
  .refine((a) => !a["trace-out"] || a.trace, { message: "--trace-out needs --trace" });

export const USAGE =
  "usage: sim [--python 3.10|3.11|3.12|3.13|3.14] [--mode script|repl] [--trace [--trace-out FILE]] FILE\n" +
  "       sim --json [--python V] [--mode M] FILE...\n";

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

function cannotOpen(file: string, err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const errno = e.code === "ENOENT" ? "[Errno 2] No such file or directory" : e.code === "EISDIR" ? "[Errno 21] Is a directory" : `[${e.code ?? "error"}] ${e.message}`;
  return `python3: can't open file ${JSON.stringify(path.resolve(file)).replace(/^"|"$/g, "'")}: ${errno}\n`;
}

export function simCli(argv: string[]): CliResult {
  let parsed;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        python: { type: "string" },
        mode: { type: "string" },
        trace: { type: "boolean" },
        "trace-out": { type: "string" },
        json: { type: "boolean" },
      },
    });
    parsed = ArgsSchema.safeParse({ ...values, files: positionals });
  } catch (e) {
    return { stdout: "", stderr: `sim: ${(e as Error).message}\n${USAGE}`, code: 64 };
  }
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join(".") || "args"}: ${i.message}`).join("; ");
    return { stdout: "", stderr: `sim: ${msg}\n${USAGE}`, code: 64 };
  }
  const a = parsed.data;

  if (a.json) {
    let out = "";
    let err = "";
    let code = 0;
    for (const file of a.files) {
      let source: string;
      let result: { stdout: string; stderr: string; exitCode: number };
      try {
        source = fs.readFileSync(file, "utf8");
        result = run(source, { python: a.python, mode: a.mode });
      } catch (e) {
        code = 1;
        const msg = cannotOpen(file, e);
        err += msg;
        result = { stdout: "", stderr: msg, exitCode: 2 };
      }
      const line = { file, python: a.python, mode: a.mode, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
      out += `${JSON.stringify(line)}\n`;
    }
    return { stdout: out, stderr: err, code };
  }

  const file = a.files[0];
  let source: string;
  try {
    source = fs.readFileSync(file, "utf8");
  } catch (e) {
    return { stdout: "", stderr: cannotOpen(file, e), code: 2 };
  }
  const r = run(source, { python: a.python, mode: a.mode, trace: a.trace });
  let stderr = r.stderr;
  if (a.trace) {
    const traceLine = `${JSON.stringify(r.trace ?? [])}\n`;
    if (a["trace-out"]) fs.writeFileSync(a["trace-out"], traceLine);
    else stderr += traceLine;
  }
  return { stdout: r.stdout, stderr, code: r.exitCode };
}

function isMain(): boolean {
  const argv1 = process.argv[1];
  return argv1 !== undefined && path.resolve(argv1) === fileURLToPath(import.meta.url);
}

if (isMain()) {
  const r = simCli(process.argv.slice(2));
  // Write then exit from the callback so a piped stdout is fully flushed before the exit code lands.
  process.stdout.write(r.stdout, () => {
    process.stderr.write(r.stderr, () => process.exit(r.code));
  });
}
