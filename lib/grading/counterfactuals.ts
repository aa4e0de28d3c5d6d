// Counterfactual programs: the variant's code rewritten the way a student with a misconception
// imagines it runs (assignment copies, a shallow copy is deep, another Python version...). The
// simulator runs each rewrite at key time; a wrong answer that equals a rewrite's result is
// evidence for that misconception. A rewrite that changes nothing is skipped.
import { PYTHON_VERSIONS, type PythonVersion } from "@/lib/questions/mechanisms";
import type { QuestionDefinition } from "@/lib/questions/schema";

export interface Change {
  code: string;
  python?: PythonVersion;
  mode?: "script" | "repl";
  detail: string;
}

export interface Counterfactual {
  misconception: string;
  apply(definition: QuestionDefinition, code: string, python: PythonVersion, mode: "script" | "repl"): Change[];
}

const withImportCopy = (code: string) => (/^import copy\b/m.test(code) ? code : `import copy\n${code}`);
// Prepending the import shifts line numbers by one; markers move with their lines, so keys that
// depend on marks are unaffected, and stdout-based keys do not use line numbers.

/** `b = a` (a plain name on the right, not a literal or call) becomes `b = copy.copy(a)`. */
export function copyOnAssignment(code: string): string | null {
  let changed = false;
  const out = code.replace(/^(\s*)([A-Za-z_]\w*)\s*=\s*([A-Za-z_]\w*)\s*(#.*)?$/gm, (whole, indent: string, lhs: string, rhs: string, comment: string | undefined) => {
    if (["True", "False", "None"].includes(rhs) || lhs === rhs) return whole;
    changed = true;
    return `${indent}${lhs} = copy.copy(${rhs})${comment ? `  ${comment}` : ""}`;
  });
  return changed ? withImportCopy(out) : null;
}

/** Every shallow copy (copy.copy, x.copy(), x[:], list(x)) becomes copy.deepcopy. */
export function deepenCopies(code: string): string | null {
  const out = code
    .replace(/\bcopy\.copy\(/g, "copy.deepcopy(")
    .replace(/\b([A-Za-z_]\w*)\.copy\(\)/g, "copy.deepcopy($1)")
    .replace(/\b([A-Za-z_]\w*)\[:\]/g, "copy.deepcopy($1)")
    .replace(/\blist\(([A-Za-z_]\w*)\)/g, "copy.deepcopy($1)");
  return out === code ? null : withImportCopy(out);
}

/** `a += x` becomes `a = a + x`: a student who thinks augmented assignment always rebinds. */
export function rebindAugmented(code: string): string | null {
  const out = code.replace(/^(\s*)([A-Za-z_]\w*)\s*\+=\s*(.+?)\s*(#.*)?$/gm, (_w, indent: string, name: string, rhs: string, comment: string | undefined) => `${indent}${name} = ${name} + (${rhs})${comment ? `  ${comment}` : ""}`);
  return out === code ? null : out;
}

const stdoutKinds = new Set(["integer", "boolean", "output", "diagram", "freed"]);

export const COUNTERFACTUALS: Counterfactual[] = [
  {
    misconception: "assignment-copies",
    apply: (d, code) => {
      const c = stdoutKinds.has(d.answer.kind) ? copyOnAssignment(code) : null;
      return c ? [{ code: c, detail: "as if `b = a` made a copy" }] : [];
    },
  },
  {
    misconception: "shallow-copy-is-deep",
    apply: (d, code) => {
      const c = stdoutKinds.has(d.answer.kind) ? deepenCopies(code) : null;
      return c ? [{ code: c, detail: "as if the copy were a deep copy" }] : [];
    },
  },
  {
    misconception: "augmented-assignment-rebinds",
    apply: (d, code) => {
      const c = stdoutKinds.has(d.answer.kind) ? rebindAugmented(code) : null;
      return c ? [{ code: c, detail: "as if `a += x` built a new object" }] : [];
    },
  },
  {
    misconception: "other-python-version",
    apply: (d, code, python) => PYTHON_VERSIONS.filter((v) => v !== python && (!d.pythonVersions || d.pythonVersions.includes(v))).map((v) => ({ code, python: v, detail: `what Python ${v} does` })),
  },
  {
    misconception: "script-vs-repl",
    apply: (d, code, _python, mode) => [{ code, mode: mode === "script" ? "repl" : "script", detail: mode === "script" ? "what the interactive prompt does, line by line" : "what a script does, compiled as one unit" }],
  },
];
