// Scores one answer against one key answer, in [0, 1]. Partial credit rules, per kind:
//   integer, boolean, choice: all or nothing.
//   output:  per line: lines equal at the same position / the longer of the two outputs
//            (trailing spaces and trailing blank lines ignored).
//   freed:   per object asked about: each target whose freed/alive status is right counts 1/n.
//   race:    Jaccard index of the sets of values: |answer ∩ key| / |answer ∪ key|, so both a
//            missing possible value and an impossible extra one cost.
//   multi:   per option: each option whose selected/unselected state is right counts 1/n.
//   diagram: per name: a name counts when it is unbound exactly when the key's is, and shares its
//            object with exactly the same other names as in the key.
import type { QuestionDefinition } from "@/lib/questions/schema";
import type { Variant } from "@/lib/questions/variant";
import type { StudentAnswer } from "./answers";
import type { KeyAnswer } from "./key";

export function normalizeOutput(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((l) => l.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Displayed option index -> the definition's option index. */
export function optionIndex(variant: Variant, displayed: number): number {
  return variant.optionOrder ? (variant.optionOrder[displayed] ?? -1) : displayed;
}

/** For each name, the set of names (itself included) sharing its group; null when unbound. */
function partition<T>(groups: Record<string, T | null>, names: readonly string[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const n of names) {
    const g = groups[n];
    out.set(n, g === null || g === undefined ? null : names.filter((m) => groups[m] === g).join(","));
  }
  return out;
}

export function score(definition: QuestionDefinition, variant: Variant, answer: StudentAnswer, key: KeyAnswer): number {
  if (answer.kind !== key.kind) return 0;
  switch (key.kind) {
    case "integer":
    case "boolean":
      return answer.kind === key.kind && answer.value === key.value ? 1 : 0;
    case "output": {
      if (answer.kind !== "output") return 0;
      const a = normalizeOutput(answer.value);
      const k = normalizeOutput(key.value);
      const n = Math.max(a.length, k.length);
      if (n === 0) return 1;
      let same = 0;
      for (let i = 0; i < n; i++) if (a[i] !== undefined && a[i] === k[i]) same++;
      return same / n;
    }
    case "freed": {
      if (answer.kind !== "freed") return 0;
      const ids = Object.keys(key.value);
      const said = new Set(answer.freed);
      return ids.filter((id) => said.has(id) === key.value[id]).length / ids.length;
    }
    case "race": {
      if (answer.kind !== "race") return 0;
      const a = new Set(answer.values);
      const k = new Set(key.value);
      const union = new Set([...a, ...k]).size;
      return [...a].filter((v) => k.has(v)).length / union;
    }
    case "choice":
      return answer.kind === "choice" && optionIndex(variant, answer.choice) === key.value ? 1 : 0;
    case "multi": {
      if (answer.kind !== "multi" || (definition.answer.kind !== "multi")) return 0;
      const chosen = new Set(answer.selected.map((d) => optionIndex(variant, d)));
      const right = new Set(key.value);
      const n = definition.answer.options.length;
      let ok = 0;
      for (let i = 0; i < n; i++) if (chosen.has(i) === right.has(i)) ok++;
      return ok / n;
    }
    case "diagram": {
      if (answer.kind !== "diagram") return 0;
      const names = Object.keys(key.value);
      const a = partition(answer.groups, names);
      const k = partition(key.value, names);
      return names.filter((n) => a.get(n) === k.get(n)).length / names.length;
    }
  }
}
