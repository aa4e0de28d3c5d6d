// Every "predict, then reveal" answer in the lessons, checked against the real interpreters: the
// lesson text must never claim an output CPython does not print. Versions that are not
// installed here are skipped with the reason printed (the simulator test still covers them).
import { beforeAll, describe, expect, it } from "vitest";
import { LESSON_SLUGS } from "@/lib/lessons/catalog";
import { predictPropsSchema } from "@/lib/lessons/props";
import { type CompiledLesson, compileLesson } from "./mdx";
import { runCPython, runPyodide } from "./cpython";

const lessons: CompiledLesson[] = [];
beforeAll(async () => {
  for (const slug of LESSON_SLUGS) lessons.push(await compileLesson(slug));
});

describe("reveal blocks agree with real CPython", () => {
  for (const slug of LESSON_SLUGS) {
    it(slug, async () => {
      const lesson = lessons.find((l) => l.slug === slug);
      if (!lesson) throw new Error(`lesson ${slug} did not compile`);
      const predicts = lesson.used.filter((u) => u.component === "Predict");
      let checked = 0;
      const skipped: string[] = [];
      for (const raw of predicts) {
        const p = predictPropsSchema.parse(raw.props);
        for (const v of p.versions) {
          const r = v === "3.14" ? await runPyodide(p.code, p.mode) : runCPython(v, p.code, p.mode);
          if (!r) {
            skipped.push(v);
            continue;
          }
          expect.soft(r.exitCode, `${slug} on ${v}:\n${p.code}\n${r.stderr}`).toBe(0);
          expect.soft(r.stdout.trimEnd(), `${slug} on ${v}:\n${p.code}`).toBe(p.output);
          checked++;
        }
      }
      if (skipped.length) console.log(`${slug}: no interpreter for ${[...new Set(skipped)].join(", ")}; skipped those runs`);
      expect(checked + skipped.length).toBeGreaterThan(0);
    });
  }
});
