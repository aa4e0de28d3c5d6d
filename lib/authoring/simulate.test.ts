import { describe, expect, it } from "vitest";
import { parseDefinition, type QuestionDefinition } from "@/lib/questions/schema";
import { makeVariant } from "@/lib/questions/variant";
import { checkVariants, previewVariants, versionChanges, versionTable } from "./simulate";

function def(fields: object): QuestionDefinition {
  const r = parseDefinition({ slug: "t", title: "Test", mechanism: "refcount", prompt: "What is printed?", params: { n: { int: [1, 4] } }, answer: { kind: "integer" }, ...fields });
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.definition;
}

describe("check 100 variants", () => {
  it("reports the spread of keys, which follows the parameter", async () => {
    const d = def({ code: "a = [0] * {{n}}\nprint(len(a))\n" });
    const r = await checkVariants(d);
    expect(r.simulated).toBe(100);
    expect(r.gradable).toBe(100);
    expect(r.problems).toEqual([]);
    expect(r.trivial).toBeNull();
    // The key is n itself, so the spread is the distribution of n over seeds 0..99.
    const expected = new Map<string, number>();
    for (let s = 0; s < 100; s++) {
      const n = String(makeVariant(d, s).params.n);
      expected.set(n, (expected.get(n) ?? 0) + 1);
    }
    expect(new Map(r.spread.map((x) => [x.answer, x.count]))).toEqual(expected);
    expect(r.spread.reduce((t, x) => t + x.count, 0)).toBe(100);
  });

  it("lets the event loop run between seeds", async () => {
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const r = await checkVariants(def({ code: "a = [0] * {{n}}\nprint(len(a))\n" }));
    running = false;
    expect(r.simulated).toBe(100);
    // Another task got a turn between (nearly) every pair of seeds.
    expect(ticks).toBeGreaterThanOrEqual(90);
  });

  it("calls a key that never changes trivial", async () => {
    const r = await checkVariants(def({ code: "x = {{n}}\nprint(1)\n" }));
    expect(r.trivial).toMatch(/for every seed/);
    expect(r.spread).toEqual([{ answer: "1", count: 100, seeds: [0, 1, 2, 3, 4] }]);
  });

  it("groups not-gradable seeds by reason", async () => {
    const r = await checkVariants(def({ code: "import sys\nx = {{n}}\nprint(sys.getrefcount(1) if x > 2 else undefined_name)\n" }));
    expect(r.problems.map((p) => p.code)).toContain("exception");
    expect(r.problems[0].count + r.gradable).toBe(100);
  });

  it("ends a hostile template (endless loop, growing heap) with the budget error, quickly", async () => {
    for (const code of ["x = {{n}}\nwhile True:\n    x += 1\n", "a = []\nwhile True:\n    a.append([{{n}}])\n"]) {
      const started = performance.now();
      const r = await checkVariants(def({ code }), { deadlineMs: 3_000 });
      expect(performance.now() - started).toBeLessThan(8_000);
      expect(r.gradable).toBe(0);
      expect(r.problems[0].code).toBe("budget");
      expect(r.problems[0].message).toMatch(/budget/);
      // Five budget stops, or the deadline first on a loaded machine: either way it stops early.
      expect(r.stoppedEarly).toMatch(/budget|time limit/);
    }
  });
});

describe("preview", () => {
  it("gives each seed its student view, key and trace, without the key in the view", () => {
    const d = def({ code: "a = [0] * {{n}}\nb = a\nprint(len(b))\n" });
    const p = previewVariants(d, [0, 1, 2]);
    expect(p.python).toBe("3.12");
    for (const v of p.variants) {
      expect(v.key).toBe(String(v.params.n));
      expect(v.view.code).toContain(`[0] * ${v.params.n}`);
      expect(JSON.stringify(v.view)).not.toContain('"key"');
      expect(v.run.ok && v.run.steps.length).toBeGreaterThan(2);
    }
  });
});

describe("concept questions", () => {
  it("show the correct option's text as the key, not its index (students see options shuffled)", () => {
    const d = def({ code: "", params: {}, prompt: "Which statement is true?", answer: { kind: "choice", options: ["Ints are mutable", "A list is mutable", "Tuples are mutable"], correct: 1 } });
    expect(previewVariants(d, [0, 1]).variants.map((v) => v.key)).toEqual(["A list is mutable", "A list is mutable"]);
  });
});

describe("version table", () => {
  it("shows where a refcount answer changes and why, from the simulator's own profiles", () => {
    const d = def({ code: "import sys\nx = {{n}}\nprint(sys.getrefcount(None))\n", constantAnswer: { reason: "the immortal refcount is the lesson here" } });
    const rows = versionTable(d, 0);
    expect(rows.map((r) => r.python)).toEqual(["3.10", "3.11", "3.12", "3.13", "3.14"]);
    const at312 = rows.find((r) => r.python === "3.12");
    expect(at312?.differs).toBe(true);
    expect(at312?.key).toBe("4294967295");
    expect(at312?.reasons.join(" ")).toMatch(/immortal/);
    expect(rows.find((r) => r.python === "3.13")?.differs).toBe(false);
  });
  it("names the 3.11 change to refcounts inside calls", () => {
    expect(versionChanges("3.10", "3.11").join(" ")).toMatch(/inside a call/);
  });
});
