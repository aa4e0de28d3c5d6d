// Grading: a pure function of the definition, the variant, the student's (already parsed) answer
// and the key computed by lib/grading/key.ts. It never runs the simulator, so a regrade of
// stored answers against a stored key is deterministic and cheap.
import type { QuestionDefinition } from "@/lib/questions/schema";
import { variantOptions, type Variant } from "@/lib/questions/variant";
import type { StudentAnswer } from "./answers";
import type { Key, KeyAnswer, KeyMoment } from "./key";
import { detectMisconception } from "./misconceptions";
import { score } from "./score";

export interface GradeResult {
  correct: boolean;
  score: number;
  /** The right answer, in the shape of a student answer, so the page renders both alike. */
  expected: StudentAnswer;
  misconception?: { id: string; title: string; explanation: string };
  feedback: { summary: string; keyMoment?: KeyMoment };
}

/** The key as a student answer; diagram objects become boxes A, B, ... in order of first name. */
export function expectedAnswer(definition: QuestionDefinition, variant: Variant, key: KeyAnswer): StudentAnswer {
  switch (key.kind) {
    case "integer":
      return { kind: "integer", value: key.value };
    case "boolean":
      return { kind: "boolean", value: key.value };
    case "output":
      return { kind: "output", value: key.value };
    case "freed":
      return { kind: "freed", freed: Object.keys(key.value).filter((id) => key.value[id]) };
    case "race":
      return { kind: "race", values: [...key.value] };
    case "choice":
      return { kind: "choice", choice: displayed(variant, key.value) };
    case "multi":
      return { kind: "multi", selected: key.value.map((i) => displayed(variant, i)).sort((a, b) => a - b) };
    case "diagram": {
      const boxes = new Map<number, string>();
      const groups: Record<string, string | null> = {};
      for (const [name, id] of Object.entries(key.value)) {
        if (id === null) groups[name] = null;
        else {
          if (!boxes.has(id)) boxes.set(id, String.fromCharCode(65 + boxes.size));
          groups[name] = boxes.get(id) ?? null;
        }
      }
      return { kind: "diagram", groups };
    }
  }
}

function displayed(variant: Variant, original: number): number {
  return variant.optionOrder ? variant.optionOrder.indexOf(original) : original;
}

function describe(definition: QuestionDefinition, variant: Variant, e: StudentAnswer): string {
  switch (e.kind) {
    case "integer":
      return String(e.value);
    case "boolean":
      return e.value ? "True" : "False";
    case "output":
      return e.value === "" ? "(no output)" : e.value;
    case "freed": {
      if (definition.answer.kind !== "freed") return "";
      const freed = new Set(e.freed);
      return definition.answer.targets.map((t) => `${t.label}: ${freed.has(t.id) ? "freed" : "alive"}`).join("; ");
    }
    case "race":
      return `{${e.values.join(", ")}}`;
    case "choice":
      return variantOptions(definition, variant)[e.choice] ?? "";
    case "multi": {
      const options = variantOptions(definition, variant);
      return e.selected.length === 0 ? "none of the options" : e.selected.map((i) => options[i]).join("; ");
    }
    case "diagram":
      return Object.entries(e.groups).map(([n, g]) => `${n} → ${g === null ? "unbound" : `object ${g}`}`).join(", ");
  }
}

export function grade(definition: QuestionDefinition, variant: Variant, answer: StudentAnswer, key: Key): GradeResult {
  if (answer.kind !== definition.answer.kind || key.answer.kind !== definition.answer.kind) {
    throw new Error(`grade: answer ${answer.kind} / key ${key.answer.kind} for a ${definition.answer.kind} question`);
  }
  const s = Math.min(1, Math.max(0, score(definition, variant, answer, key.answer)));
  const correct = s === 1;
  const expected = expectedAnswer(definition, variant, key.answer);
  const m = correct ? undefined : detectMisconception({ definition, variant, answer, key });
  const right = describe(definition, variant, expected);
  const summary = correct
    ? `Right: ${right}.`
    : s > 0
      ? `Partly right (${Math.round(s * 100)}%). The answer is: ${right}.`
      : `Not right. The answer is: ${right}.`;
  return {
    correct,
    score: s,
    expected,
    ...(m ? { misconception: { id: m.id, title: m.title, explanation: m.explanation } } : {}),
    feedback: { summary: `${summary}${key.answer.kind === "choice" || key.answer.kind === "multi" ? "" : ` (Python ${key.python}, ${key.mode})`}`, ...(key.moment ? { keyMoment: key.moment } : {}) },
  };
}
