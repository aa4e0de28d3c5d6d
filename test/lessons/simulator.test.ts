// The lessons against the simulator: every lesson compiles and renders with valid metadata and
// widget props; every <MemoryStepper> program runs with exit 0 on every version and yields a
// trace; and every "reveal" block's printed claim is what the simulator prints. Together with
// real-python.test.ts this pins lesson, simulator and CPython to the same output.
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "@/lib/sim";
import { LESSON_SLUGS } from "@/lib/lessons/catalog";
import { checksOf } from "@/lib/lessons/checks";
import { PYTHON_VERSIONS } from "@/lib/questions/mechanisms";
import { checkPropsSchema, predictPropsSchema, racePropsSchema, stepperPropsSchema } from "@/lib/lessons/props";
import { toStepperRun } from "@/lib/lessons/trace";
import { type CompiledLesson, compileLesson } from "./mdx";

const lessons = new Map<string, CompiledLesson>();
beforeAll(async () => {
  for (const slug of LESSON_SLUGS) lessons.set(slug, await compileLesson(slug));
});
const get = (slug: string): CompiledLesson => {
  const l = lessons.get(slug);
  if (!l) throw new Error(`lesson ${slug} did not compile`);
  return l;
};

describe("every lesson renders", () => {
  it("in course order, one per mechanism plus the overview and the versions page", () => {
    const all = LESSON_SLUGS.map(get);
    expect(all.map((l) => l.meta.order)).toEqual(all.map((_, i) => i));
    const mechanisms = all.map((l) => l.meta.mechanism).filter((m) => m !== null);
    expect(new Set(mechanisms).size).toBe(10);
  });
  for (const slug of LESSON_SLUGS) {
    it(`${slug}: a heading, a memory stepper or race, a reveal and checks that exist`, () => {
      const l = get(slug);
      expect(l.html).toMatch(/<h1>[^<]+<\/h1>/);
      const by = (c: string) => l.used.filter((u) => u.component === c);
      expect(by("Predict").length).toBeGreaterThan(0);
      expect(by("MemoryStepper").length + by("RaceStepper").length).toBeGreaterThan(0);
      by("Predict").forEach((u) => predictPropsSchema.parse(u.props));
      by("MemoryStepper").forEach((u) => stepperPropsSchema.parse(u.props));
      by("RaceStepper").forEach((u) => racePropsSchema.parse(u.props));
      const checkIds = by("Check").map((u) => checkPropsSchema.parse(u.props).id);
      expect(new Set(checkIds)).toEqual(new Set(checksOf(l.slug).map((c) => c.definition.slug)));
    });
  }
});

describe("MemoryStepper programs run in the simulator", () => {
  for (const slug of LESSON_SLUGS) {
    it(slug, () => {
      for (const u of get(slug).used.filter((x) => x.component === "MemoryStepper")) {
        const p = stepperPropsSchema.parse(u.props);
        for (const python of PYTHON_VERSIONS) {
          const r = run(p.code, { python, mode: p.mode, trace: true });
          expect.soft(r.exitCode, `${slug} on ${python}: ${r.stderr}\n${p.code}`).toBe(0);
          const steps = toStepperRun(python, r);
          expect.soft(steps.ok && steps.steps.length > 1, `${slug} on ${python}: no usable trace`).toBe(true);
        }
      }
    });
  }
});

describe("reveal blocks match the simulator's stdout", () => {
  for (const slug of LESSON_SLUGS) {
    it(slug, () => {
      for (const u of get(slug).used.filter((x) => x.component === "Predict")) {
        const p = predictPropsSchema.parse(u.props);
        for (const python of p.versions) {
          const r = run(p.code, { python, mode: p.mode });
          // A declared limit of the simulator: it must refuse (exit 2), never print something else.
          if (p.unsimulated && r.exitCode === 2) continue;
          expect.soft(r.exitCode, `${slug} on ${python}: ${r.stderr}\n${p.code}`).toBe(0);
          expect.soft(r.stdout.trimEnd(), `${slug} on ${python}, ${p.mode}:\n${p.code}`).toBe(p.output);
        }
      }
    });
  }
});
