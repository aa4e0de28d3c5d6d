import { describe, expect, it } from "vitest";
import { questionDefinitionSchema } from "./schema";
import { hash32, makeVariant, markerLines, mulberry32, variantOptions, variantSeed } from "./variant";

const def = questionDefinitionSchema.parse({
  slug: "v",
  title: "Variant test",
  mechanism: "refcount",
  prompt: "Names {{a}} and {{b}}, word {{w}}, pair {{p.x}}/{{p.y}}.",
  code: "a = {{a}}\nb = {{b}}\nw = '{{w}}'\nprint(a is b)  # (A)\n",
  params: {
    a: { int: [1, 6] },
    b: { int: [1, 6], distinctFrom: ["a"] },
    w: { choice: ["x", "y", "z"] },
    p: { choice: [{ x: 1, y: "one" }, { x: 2, y: "two" }] },
  },
  answer: { kind: "boolean" },
});

describe("variants", () => {
  it("are the same for the same seed", () => {
    for (const seed of [0, 1, 42, 2 ** 32 - 1]) expect(makeVariant(def, seed)).toEqual(makeVariant(def, seed));
  });

  it("differ across seeds where the parameters allow", () => {
    const codes = new Set(Array.from({ length: 50 }, (_, s) => makeVariant(def, s).code));
    expect(codes.size).toBeGreaterThan(20);
  });

  it("honour distinctFrom and ranges on every seed", () => {
    for (let s = 0; s < 300; s++) {
      const v = makeVariant(def, s);
      expect(v.params.a).not.toEqual(v.params.b);
      expect(v.params.a).toBeGreaterThanOrEqual(1);
      expect(v.params.b).toBeLessThanOrEqual(6);
    }
  });

  it("render object-valued choices field by field, consistently", () => {
    const v = makeVariant(def, 7);
    expect(v.prompt).toMatch(/pair (1\/one|2\/two)\./);
    expect(v.prompt).not.toContain("{{");
  });

  it("do not depend on the order of parameter keys (jsonb reorders them)", () => {
    const reordered = questionDefinitionSchema.parse({ ...def, params: Object.fromEntries(Object.entries(def.params).reverse()) });
    for (let s = 0; s < 20; s++) expect(makeVariant(reordered, s)).toEqual(makeVariant(def, s));
  });

  it("shuffle concept options per seed while keeping them all", () => {
    const choice = questionDefinitionSchema.parse({
      slug: "c", title: "Choice", mechanism: "gc", prompt: "Pick one option.",
      answer: { kind: "choice", options: ["a", "b", "c", "d"], correct: 0 },
    });
    const orders = new Set<string>();
    for (let s = 0; s < 40; s++) {
      const v = makeVariant(choice, s);
      expect([...variantOptions(choice, v)].sort()).toEqual(["a", "b", "c", "d"]);
      orders.add(JSON.stringify(v.optionOrder));
    }
    expect(orders.size).toBeGreaterThan(5);
  });

  it("find marked lines", () => {
    expect(markerLines(makeVariant(def, 3).code).get("A")).toBe(4);
  });
});

describe("seeds", () => {
  it("variantSeed is stable and differs per attempt, user and question", () => {
    const s = variantSeed("user-1", "q-1", 1);
    expect(variantSeed("user-1", "q-1", 1)).toBe(s);
    expect(new Set([s, variantSeed("user-1", "q-1", 2), variantSeed("user-2", "q-1", 1), variantSeed("user-1", "q-2", 1)]).size).toBe(4);
    expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });

  it("hash32 is not fooled by shifting text between fields", () => {
    expect(variantSeed("ab", "c", 1)).not.toBe(variantSeed("a", "bc", 1));
    expect(hash32("")).toBe(hash32(""));
  });

  it("mulberry32 gives a fixed stream in [0, 1)", () => {
    const r = mulberry32(1);
    const xs = Array.from({ length: 1000 }, r);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(1)()).toBe(xs[0]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
});
