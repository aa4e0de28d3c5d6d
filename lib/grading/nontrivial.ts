// Is a template worth asking? Given the keys of many seeds of one template, says why not (or
// null). The rules, per answer kind, are the ones the bank test enforces and the authoring page
// can show an instructor before publishing:
//   integer, boolean, output: at least two distinct keys across the seeds, so a student cannot
//       learn one answer (a boolean that is always True is a coin nobody has to flip); output
//       must also be non-empty on every seed.
//   freed:   some seed has a mix of freed and alive objects, or the keys differ across seeds, so
//            neither "all freed" nor "nothing freed" is always right.
//   race:    some seed has at least two possible final values (that is what a race is).
//   diagram: some seed's drawing is neither "one object for all names" nor "one object each",
//            or the drawings differ across seeds.
//   choice, multi: the rendered options are distinct; multi's key is neither empty nor every
//            option (else "select none/all" scores full).
// A template may declare `constantAnswer` with a reason when the degenerate case IS the lesson
// (with a lock a race has one outcome; acyclic garbage gives gc.collect() == 0). The declaration
// is checked too: its keys must really be constant (race: one value per seed).
import type { QuestionDefinition } from "@/lib/questions/schema";
import { variantOptions, type Variant } from "@/lib/questions/variant";
import type { KeyAnswer } from "./key";

function shape(k: KeyAnswer): "mixed" | "uniform" {
  if (k.kind === "freed") {
    const v = Object.values(k.value);
    return v.some((x) => x) && v.some((x) => !x) ? "mixed" : "uniform";
  }
  if (k.kind === "diagram") {
    const bound = Object.values(k.value);
    const distinct = new Set(bound).size;
    return distinct > 1 && distinct < bound.length ? "mixed" : "uniform";
  }
  return "uniform";
}

/** Why the keys of `variants` (same order) make a trivial question; null when they do not. */
export function trivialityProblem(definition: QuestionDefinition, variants: Variant[], keys: KeyAnswer[]): string | null {
  const a = definition.answer;
  if (a.kind === "choice" || a.kind === "multi") {
    for (const v of variants) {
      const options = variantOptions(definition, v);
      if (new Set(options).size !== options.length) return `seed ${v.seed}: two options read the same`;
    }
    if (a.kind === "multi" && (a.correct.length === 0 || a.correct.length === a.options.length)) return "multi: selecting none or all options would score full marks";
    return null;
  }
  if (keys.length === 0) return "no key was computed";
  const distinct = new Set(keys.map((k) => JSON.stringify(k))).size;
  if (a.kind === "output") {
    const empty = keys.findIndex((k) => k.kind === "output" && k.value.trim() === "");
    if (empty >= 0) return `seed ${variants[empty].seed}: the program prints nothing`;
  }
  if (definition.constantAnswer) {
    if (a.kind === "race") {
      const many = keys.findIndex((k) => k.kind === "race" && k.value.length > 1);
      return many >= 0 ? `declares constantAnswer, but seed ${variants[many].seed} has several possible values` : null;
    }
    return distinct > 1 ? `declares constantAnswer, but the key takes ${distinct} values across the seeds` : null;
  }
  switch (a.kind) {
    case "integer":
    case "boolean":
    case "output":
      return distinct > 1 ? null : `the key is ${JSON.stringify(keys[0].kind === "output" || keys[0].kind === "integer" || keys[0].kind === "boolean" ? keys[0].value : keys[0])} for every seed (declare constantAnswer with a reason if that is the point)`;
    case "race":
      return keys.some((k) => k.kind === "race" && k.value.length > 1) ? null : "no seed has more than one possible final value";
    case "freed":
    case "diagram":
      return distinct > 1 || keys.some((k) => shape(k) === "mixed") ? null : `every seed gives the same ${a.kind === "freed" ? "all-or-nothing" : "all-shared or all-separate"} answer`;
  }
}
