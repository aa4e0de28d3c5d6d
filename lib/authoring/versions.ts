// Version rules and the diff the history shows. A QuestionVersion is immutable: attempts point at
// the version they were graded with, so a change never rewrites one; it adds version + 1 and
// moves Question.currentVersion. "Changed" means a different definition once parsed and written
// with sorted keys (lib/bank/stable-json.ts): saving the same thing twice, or re-importing a file
// whose keys were reordered, adds nothing.
import { stableJson } from "@/lib/bank/stable-json";
import { parseDefinition, type QuestionDefinition } from "@/lib/questions/schema";

export type VersionDecision = { action: "create"; version: 1 } | { action: "unchanged"; version: number } | { action: "bump"; version: number };

/** What saving `next` does, given the latest stored version (null: the question is new). */
export function decideVersion(latest: { version: number; definition: unknown } | null, next: QuestionDefinition): VersionDecision {
  if (!latest) return { action: "create", version: 1 };
  const stored = parseDefinition(latest.definition);
  // A stored definition the schema no longer accepts is different by definition: replace it.
  if (stored.ok && stableJson(stored.definition) === stableJson(next)) return { action: "unchanged", version: latest.version };
  return { action: "bump", version: latest.version + 1 };
}

/** The definition as the file format writes it: two-space JSON with sorted keys, then a newline. */
export function definitionText(definition: unknown): string {
  return `${JSON.stringify(JSON.parse(stableJson(definition)), null, 2)}\n`;
}

export type DiffLine = { op: " " | "+" | "-"; text: string };

/** A line diff (longest common subsequence); definitions are a few hundred lines at most. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  if (a.length * b.length > 4_000_000) return [...a.map((text) => ({ op: "-" as const, text })), ...b.map((text) => ({ op: "+" as const, text }))];
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: " ", text: a[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ op: "-", text: a[i++] });
    else out.push({ op: "+", text: b[j++] });
  }
  while (i < a.length) out.push({ op: "-", text: a[i++] });
  while (j < b.length) out.push({ op: "+", text: b[j++] });
  return out;
}
