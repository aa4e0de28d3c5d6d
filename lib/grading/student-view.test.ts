import { describe, expect, it } from "vitest";
import { loadBank } from "@/lib/questions/load";
import { questionDefinitionSchema } from "@/lib/questions/schema";
import { makeVariant } from "@/lib/questions/variant";
import { toStudentView } from "./student-view";

const ALLOWED = new Set(["title", "mechanism", "prompt", "code", "mode", "kind", "options", "targets", "names", "at"]);
const bank = loadBank();

describe("the student view (what a page gets before grading)", () => {
  it("holds only allow-listed fields for every template", () => {
    for (const { definition } of bank) {
      for (const seed of [0, 1, 2]) {
        const view = toStudentView(definition, makeVariant(definition, seed));
        for (const field of Object.keys(view)) expect(ALLOWED.has(field), `${definition.slug}: ${field}`).toBe(true);
        const json = JSON.stringify(view);
        expect(json).not.toMatch(/"(answer|correct|key|expected|constantAnswer|misconceptions|expectsException)"/);
        for (const t of view.targets ?? []) expect(Object.keys(t).sort()).toEqual(["id", "label"]);
      }
    }
  });

  it("is identical whatever the authored key is (the key cannot be read from it)", () => {
    const concept = bank.filter((e) => e.definition.answer.kind === "choice" || e.definition.answer.kind === "multi");
    expect(concept.length).toBeGreaterThan(10);
    for (const { definition } of concept) {
      const a = definition.answer;
      const other =
        a.kind === "choice"
          ? { ...a, correct: (a.correct + 1) % a.options.length }
          : a.kind === "multi"
            ? { ...a, correct: a.options.map((_, i) => i).filter((i) => !a.correct.includes(i)) }
            : a;
      const changed = questionDefinitionSchema.parse({ ...definition, answer: other });
      for (const seed of [0, 7, 99]) {
        expect(toStudentView(changed, makeVariant(changed, seed))).toEqual(toStudentView(definition, makeVariant(definition, seed)));
      }
    }
  });

  it("shows the rendered variant, not the template", () => {
    for (const { definition } of bank) {
      const view = toStudentView(definition, makeVariant(definition, 5));
      expect(view.prompt + view.code + (view.options ?? []).join("")).not.toContain("{{");
    }
  });
});
