// The only thing a page may receive before an attempt is graded: what the student must see to
// answer, and nothing computed from the key or the simulator. Built field by field from an
// allow-list (never by spreading the definition), so a field added to the format later cannot
// leak by accident.
import type { AnswerKind, QuestionDefinition } from "@/lib/questions/schema";
import { variantOptions, type Variant } from "@/lib/questions/variant";

export interface StudentView {
  title: string;
  mechanism: string;
  prompt: string;
  code: string;
  mode: "script" | "repl";
  kind: AnswerKind;
  /** choice/multi: the options in this student's order. */
  options?: string[];
  /** freed: the objects asked about (id + label), never whether they are freed. */
  targets?: { id: string; label: string }[];
  /** diagram: the names to connect, and the marked line's letter. */
  names?: string[];
  at?: string;
}

export function toStudentView(definition: QuestionDefinition, variant: Variant): StudentView {
  const a = definition.answer;
  const view: StudentView = {
    title: definition.title,
    mechanism: definition.mechanism,
    prompt: variant.prompt,
    code: variant.code,
    mode: definition.mode,
    kind: a.kind,
  };
  if (a.kind === "choice" || a.kind === "multi") view.options = variantOptions(definition, variant);
  if (a.kind === "freed") view.targets = a.targets.map((t) => ({ id: t.id, label: t.label }));
  if (a.kind === "diagram") {
    view.names = [...a.names];
    view.at = a.at;
  }
  return view;
}
