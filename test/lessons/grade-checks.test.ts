// The inline checks graded through lib/grading with real CPython as the simulator: the key of
// every code-based check is what the real interpreter prints, so a right answer derived from that
// output is graded right and a different one wrong. Concept checks grade from their definition.
import { describe, expect, it } from "vitest";
import { allChecks } from "@/lib/lessons/checks";
import { checkPython, checkVariant, checkView, gradeCheck } from "@/lib/lessons/grade";
import { cpython, cpythonPath } from "@/test/questions/cpython";

const sim = cpython("3.12");

function answerFromStdout(kind: string, stdout: string): unknown {
  const last = stdout.trimEnd().split("\n").at(-1) ?? "";
  if (kind === "integer") return { kind, value: Number(last) };
  if (kind === "boolean") return { kind, value: last === "True" };
  return { kind, value: stdout };
}

describe("lesson checks graded by the exercises' path", () => {
  for (const [id, c] of allChecks()) {
    const kind = c.definition.answer.kind;
    it(`${id} (${kind})`, (ctx) => {
      const view = checkView(id);
      expect(view?.view.kind).toBe(kind);
      // The student view never carries the key.
      expect(JSON.stringify(view)).not.toMatch(/"correct"/);
      if (kind === "choice") {
        const a = c.definition.answer;
        if (a.kind !== "choice") throw new Error("kind mismatch");
        const order = checkVariant(c.definition).optionOrder ?? [];
        const shown = order.indexOf(a.correct);
        expect(gradeCheck(sim, id, { kind, choice: shown })).toMatchObject({ status: "graded", correct: true });
        expect(gradeCheck(sim, id, { kind, choice: (shown + 1) % order.length })).toMatchObject({ status: "graded", correct: false });
        return;
      }
      const python = checkPython(c.definition);
      if (!cpythonPath(python)) ctx.skip(`CPython ${python} is not installed here`);
      const real = sim.run(checkVariant(c.definition).code, { python });
      expect(real.exitCode).toBe(0);
      const right = answerFromStdout(kind, real.stdout);
      expect(gradeCheck(sim, id, right)).toMatchObject({ status: "graded", correct: true });
      const wrong = kind === "integer" ? { kind, value: Number(real.stdout.trim().split("\n").at(-1)) + 1 } : kind === "boolean" ? { kind, value: real.stdout.trim().endsWith("False") } : { kind, value: real.stdout + "x" };
      expect(gradeCheck(sim, id, wrong)).toMatchObject({ status: "graded", correct: false });
    });
  }
  it("refuses a malformed answer without grading it", () => {
    expect(gradeCheck(sim, "refcount-container-slots", { kind: "integer", value: "three" }).status).toBe("invalid");
    expect(gradeCheck(sim, "no-such-check", { kind: "integer", value: 1 }).status).toBe("invalid");
  });
});
