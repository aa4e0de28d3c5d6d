// An answer (a student's, or a key) as one short line of text for the instructor's tables: the
// stored JSON is an edge, so anything that does not parse as a known kind is shown as its JSON.
import { anyAnswerSchema } from "@/lib/grading/answers";

export function answerText(raw: unknown): string {
  const parsed = anyAnswerSchema.safeParse(raw);
  if (!parsed.success) return JSON.stringify(raw) ?? "";
  const a = parsed.data;
  switch (a.kind) {
    case "integer":
      return String(a.value);
    case "boolean":
      return a.value ? "True" : "False";
    case "output":
      return a.value.replace(/\n$/, "").replace(/\n/g, " ⏎ ") || "(no output)";
    case "freed":
      return a.freed.length ? `freed: ${a.freed.join(", ")}` : "nothing freed";
    case "race":
      return `values: ${a.values.join(", ")}`;
    case "choice":
      return `choice ${a.choice + 1}`;
    case "multi":
      return a.selected.length ? `choices ${a.selected.map((s) => s + 1).join(", ")}` : "no choice";
    case "diagram":
      return Object.entries(a.groups)
        .map(([name, box]) => `${name}→${box ?? "unbound"}`)
        .join(", ");
    default: {
      const never: never = a;
      return JSON.stringify(never);
    }
  }
}
