// The bank against REAL CPython. For every template whose key is read from stdout (integer,
// boolean, output), 20 seeds run on CPython 3.12 through grading's own key code, and those keys
// must pass the non-triviality rules: the bank is checked against the real interpreter even
// before the simulator exists. Two seeds also run on every other installed version. Templates
// with trace-based keys (freed, diagram) or races run their code on 3.12 to check it is valid
// Python that ends as the template says. When the simulator is loaded, its keys must equal
// CPython's on a sample of seeds. Without CPython 3.12 this file skips, saying so.
import { describe, expect, it } from "vitest";
import { loadBank } from "@/lib/questions/load";
import type { PythonVersion } from "@/lib/questions/mechanisms";
import type { QuestionDefinition } from "@/lib/questions/schema";
import { makeVariant, markerLines, type Variant } from "@/lib/questions/variant";
import { computeKeyWith, runProblem, type KeyAnswer } from "@/lib/grading/key";
import { trivialityProblem } from "@/lib/grading/nontrivial";
import { score } from "@/lib/grading/score";
import { z } from "zod";
import { cpython, cpythonPath } from "./cpython";
import { loadSimulator } from "./simulator";

const SEEDS = 20;
const STDOUT_KINDS = new Set(["integer", "boolean", "output"]);
const here = cpythonPath("3.12");
if (!here) console.log("bank-cpython: skipped: CPython 3.12 is not installed at /root/.pyenv/versions/3.12.1");
const others = (["3.10", "3.11", "3.13"] as const).filter((v) => cpythonPath(v));
const loaded = await loadSimulator();
if (!loaded.ok) console.log(`bank-cpython: simulator comparison skipped: ${loaded.reason}`);

const bank = loadBank().filter((e) => e.definition.answer.kind !== "choice" && e.definition.answer.kind !== "multi");
const bare = (d: QuestionDefinition): QuestionDefinition => ({ ...d, misconceptions: [] });
// The bank is about the versions whose behaviour it describes; a pinned template stays pinned.
const allows = (d: QuestionDefinition, v: PythonVersion) => !d.pythonVersions || d.pythonVersions.includes(v);

describe.skipIf(!here)("question bank on real CPython", () => {
  it.each(bank.filter((e) => STDOUT_KINDS.has(e.definition.answer.kind)).map((e) => [e.file, e.definition] as const))("%s: keys from CPython", (file, definition) => {
    const problems: string[] = [];
    const variants: Variant[] = [];
    const keys: KeyAnswer[] = [];
    // Each (seed, version) runs on CPython once; the simulator comparison below reuses it.
    const cache = new Map<string, ReturnType<typeof computeKeyWith>>();
    const realKey = (seed: number, version: PythonVersion) => {
      const id = `${seed}/${version}`;
      const hit = cache.get(id);
      if (hit) return hit;
      const r = computeKeyWith(cpython(version), bare(definition), makeVariant(definition, seed), version);
      cache.set(id, r);
      return r;
    };
    if (allows(definition, "3.12")) {
      for (let seed = 0; seed < SEEDS; seed++) {
        const v = makeVariant(definition, seed);
        const r = realKey(seed, "3.12");
        if (r.ok) {
          variants.push(v);
          keys.push(r.key.answer);
        } else problems.push(`seed ${seed} on 3.12: ${r.error.code}: ${r.error.message}`);
      }
      if (problems.length === 0) {
        const trivial = trivialityProblem(definition, variants, keys);
        if (trivial) problems.push(`trivial on CPython 3.12: ${trivial}`);
      }
    }
    for (const version of others.filter((v) => allows(definition, v))) {
      for (const seed of [0, 1]) {
        const r = realKey(seed, version);
        if (!r.ok) problems.push(`seed ${seed} on ${version}: ${r.error.code}: ${r.error.message}`);
      }
    }
    if (loaded.ok) {
      for (const [seed, version] of [[0, "3.12"], [1, "3.12"], [2, "3.12"], [3, "3.12"], [4, "3.12"], ...others.map((v) => [0, v] as const)] as const) {
        if (!allows(definition, version)) continue;
        const v = makeVariant(definition, seed);
        const real = realKey(seed, version);
        const simulated = computeKeyWith(loaded.sim, bare(definition), v, version);
        if (real.ok && simulated.ok && JSON.stringify(real.key.answer) !== JSON.stringify(simulated.key.answer)) {
          problems.push(`seed ${seed} on ${version}: simulator says ${JSON.stringify(simulated.key.answer)}, CPython says ${JSON.stringify(real.key.answer)}`);
        }
      }
    }
    expect(problems, file).toEqual([]);
  });

  it.each(bank.filter((e) => !STDOUT_KINDS.has(e.definition.answer.kind)).map((e) => [e.file, e.definition] as const))("%s: code runs on CPython", (file, definition) => {
    for (const seed of [0, 1, 2]) {
      const v = makeVariant(definition, seed);
      const r = cpython("3.12").run(v.code, { mode: definition.mode });
      expect(runProblem(definition, r), `${file} seed ${seed}`).toBeNull();
    }
  });

  // Diagrams against CPython: a probe after the marked line prints the ids of the names, and the
  // simulator's key must group the names the same way (scored by grading's own diagram rule).
  it.each(bank.filter((e) => e.definition.answer.kind === "diagram").map((e) => [e.file, e.definition] as const))("%s: diagram matches CPython's ids", (file, definition) => {
    if (!loaded.ok) return;
    for (const seed of [0, 1, 2, 3, 4]) {
      const v = makeVariant(definition, seed);
      const groups = cpythonDiagram(definition, v);
      const k = computeKeyWith(loaded.sim, bare(definition), v, "3.12");
      expect(k.ok, file).toBe(true);
      if (k.ok) expect(score(definition, v, { kind: "diagram", groups }, k.key.answer), `${file} seed ${seed}: CPython ${JSON.stringify(groups)} vs ${JSON.stringify(k.key.answer)}`).toBe(1);
    }
  });
});

// Freed objects against CPython: a weak reference taken after each target's marked line tells at
// the end whether the object is gone. Only objects that take weak references (instances) can be
// checked; for lists and ints the probe reports null and the comparison skips them.
it.skipIf(!here).each(bank.filter((e) => e.definition.answer.kind === "freed").map((e) => [e.file, e.definition] as const))("%s: freed matches CPython where weakrefs tell", (file, definition) => {
  if (!loaded.ok) return;
  for (const seed of [0, 1, 2, 3, 4]) {
    const v = makeVariant(definition, seed);
    const real = cpythonFreed(definition, v);
    const k = computeKeyWith(loaded.sim, bare(definition), v, "3.12");
    expect(k.ok, file).toBe(true);
    if (!k.ok || k.key.answer.kind !== "freed") continue;
    const sim = k.key.answer.value;
    for (const [id, freed] of Object.entries(real)) if (freed !== null) expect(sim[id], `${file} seed ${seed} target ${id}`).toBe(freed);
  }
});

function cpythonFreed(definition: QuestionDefinition, v: Variant): Record<string, boolean | null> {
  const a = definition.answer;
  if (a.kind !== "freed") throw new Error("not freed");
  const lines = v.code.split("\n");
  const marks = markerLines(v.code);
  // Insert from the bottom up so earlier line numbers stay valid.
  const probes = a.targets.map((t) => ({ t, line: marks.get(t.at) ?? 0 })).sort((x, y) => y.line - x.line);
  for (const { t, line } of probes) {
    const indent = /^\s*/.exec(lines[line - 1])?.[0] ?? "";
    lines.splice(line, 0, `${indent}try:`, `${indent}    __import__("builtins").__dict__.setdefault("__hw", {})[${JSON.stringify(t.id)}] = __import__("weakref").ref(${t.name})`, `${indent}except TypeError:`, `${indent}    pass`);
  }
  const ids = JSON.stringify(a.targets.map((t) => t.id));
  lines.push(`__hwr = __import__("builtins").__dict__.get("__hw", {})`, `print("__hwf", [(__hwr[i]() is None) if i in __hwr else None for i in ${ids}])`);
  const r = cpython("3.12").run(lines.join("\n"), { mode: definition.mode });
  const out = r.stdout.split("\n").filter((l) => l.startsWith("__hwf ")).at(-1);
  if (!out) throw new Error(`no probe output: ${r.stderr}`);
  const seen = z.array(z.boolean().nullable()).parse(JSON.parse(out.slice(6).replace(/None/g, "null").replace(/True/g, "true").replace(/False/g, "false")));
  return Object.fromEntries(a.targets.map((t, i) => [t.id, seen[i]]));
}

function cpythonDiagram(definition: QuestionDefinition, v: Variant): Record<string, string | null> {
  const a = definition.answer;
  if (a.kind !== "diagram") throw new Error("not a diagram");
  const lines = v.code.split("\n");
  const mark = markerLines(v.code).get(a.at) ?? 0;
  const indent = /^\s*/.exec(lines[mark - 1])?.[0] ?? "";
  // A snapshot dict first: inside a function, a comprehension has its own locals() before 3.12.
  const scope = a.frame === "<module>" ? "globals()" : "locals()";
  const probe = [`${indent}__hw = dict(${scope})`, `${indent}print("__hw", [id(__hw[n]) if n in __hw else None for n in ${JSON.stringify(a.names)}])`];
  lines.splice(mark, 0, ...probe);
  const r = cpython("3.12").run(lines.join("\n"), { mode: definition.mode });
  const out = r.stdout.split("\n").filter((l) => l.startsWith("__hw ")).at(-1);
  if (!out) throw new Error(`no probe output: ${r.stderr}`);
  const ids = z.array(z.number().nullable()).parse(JSON.parse(out.slice(5).replace(/None/g, "null")));
  return Object.fromEntries(a.names.map((n, i) => [n, ids[i] === null ? null : String(ids[i])]));
}
