// Grading end to end on the real simulator (lib/sim): keys from its trace and race enumeration,
// the key moment, and misconceptions that need the trace (del, cycles, weak references).
import { describe, expect, it } from "vitest";
import { computeKey, grade, parseAnswer, type Key } from "@/lib/grading";
import { questionDefinitionSchema, type QuestionDefinition, type QuestionDefinitionInput } from "@/lib/questions/schema";
import { makeVariant } from "@/lib/questions/variant";

function def(input: Partial<QuestionDefinitionInput> & Pick<QuestionDefinitionInput, "answer" | "code">): QuestionDefinition {
  return questionDefinitionSchema.parse({ slug: "sim-case", title: "Simulator case", mechanism: "refcount", prompt: "Predict what happens here.", ...input });
}
function keyOf(d: QuestionDefinition): Key {
  const r = computeKey(d, makeVariant(d, 0), "3.12");
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.key;
}
function gradeRaw(d: QuestionDefinition, raw: unknown, k: Key) {
  const v = makeVariant(d, 0);
  const a = parseAnswer(d, v, raw);
  if (!a.ok) throw new Error(a.errors.join("; "));
  return grade(d, v, a.answer, k);
}

describe("freed, from the simulator's trace", () => {
  const target = (id: string, name: string, at: string) => ({ id, label: `the object ${id}`, name, at });
  it("del with another name left: alive, and marking it freed is del-frees-object", () => {
    const d = def({ code: "a = [1]  # (A)\nb = a\ndel a\n", answer: { kind: "freed", targets: [target("list", "a", "A")] } });
    const k = keyOf(d);
    expect(k.answer).toEqual({ kind: "freed", value: { list: false } });
    const g = gradeRaw(d, { kind: "freed", freed: ["list"] }, k);
    expect(g).toMatchObject({ correct: false, score: 0, misconception: { id: "del-frees-object" } });
    expect(g.feedback.keyMoment?.line).toBeGreaterThan(0);
  });

  it("shows the statement that freed the object", () => {
    const d = def({ code: "a = [1]  # (A)\nb = a\nb = None\nc = 2\n", answer: { kind: "freed", targets: [target("list", "a", "A")] } });
    const k = keyOf(d);
    expect(k.answer).toEqual({ kind: "freed", value: { list: false } });
    const d2 = def({ code: "a = [1]  # (A)\nb = a\ndel a\nb = None\nc = 2\n", answer: { kind: "freed", targets: [target("list", "a", "A")] } });
    const k2 = keyOf(d2);
    expect(k2.answer).toEqual({ kind: "freed", value: { list: true } });
    expect(k2.moment).toMatchObject({ line: 4, source: "b = None" });
    expect(k2.moment?.freed.length).toBeGreaterThan(0);
  });

  it("a cycle without the collector stays; with gc.collect() it goes", () => {
    const code = (collect: string) => `import gc\ngc.disable()\nclass P:\n    pass\na = P()  # (A)\nb = P()  # (B)\na.p = b\nb.p = a\ndel a\ndel b\n${collect}\n`;
    const targets = [target("a", "a", "A"), target("b", "b", "B")];
    const kept = def({ mechanism: "gc", code: code("pass"), answer: { kind: "freed", targets } });
    const k = keyOf(kept);
    expect(k.answer).toEqual({ kind: "freed", value: { a: false, b: false } });
    expect(k.targetFacts?.a.inCycle).toBe(true);
    expect(gradeRaw(kept, { kind: "freed", freed: ["a", "b"] }, k).misconception?.id).toBe("cycle-without-collector");
    const collected = def({ mechanism: "gc", code: code("gc.collect()"), answer: { kind: "freed", targets } });
    expect(keyOf(collected).answer).toEqual({ kind: "freed", value: { a: true, b: true } });
  });

  it("an object held only by a weak reference is freed; calling it alive is weakref-keeps-alive", () => {
    const d = def({ mechanism: "manual", code: "import weakref\nclass B:\n    pass\nx = B()  # (A)\nw = weakref.ref(x)\ndel x\n", answer: { kind: "freed", targets: [target("x", "x", "A")] } });
    const k = keyOf(d);
    expect(k.answer).toEqual({ kind: "freed", value: { x: true } });
    expect(gradeRaw(d, { kind: "freed", freed: [] }, k).misconception?.id).toBe("weakref-keeps-alive");
  });
});

describe("diagram, from the simulator's frames", () => {
  const d = def({ mechanism: "names-references-objects", code: "a = [1]\nb = a\nc = b  # (A)\nd = [1]\n", answer: { kind: "diagram", at: "A", names: ["a", "b", "c"] } });
  it("names sharing one object; drawing copies is assignment-copies", () => {
    const k = keyOf(d);
    expect(gradeRaw(d, { kind: "diagram", groups: { a: "1", b: "1", c: "1" } }, k).correct).toBe(true);
    const g = gradeRaw(d, { kind: "diagram", groups: { a: "1", b: "2", c: "3" } }, k);
    expect(g).toMatchObject({ correct: false, score: 0, misconception: { id: "assignment-copies" } });
    expect(g.feedback.keyMoment?.frames[0].locals.map((l) => l.name).sort()).toEqual(["a", "b", "c"]);
    expect(g.feedback.keyMoment).toMatchObject({ line: 3, source: "c = b  # (A)" });
  });
  it("reads the frame of a call", () => {
    const f = def({ code: "def g(p, q):\n    r = p  # (A)\n    return r\nx = [1]\ny = g(x, [2])\n", answer: { kind: "diagram", at: "A", names: ["p", "q", "r"], frame: "g" } });
    expect(gradeRaw(f, { kind: "diagram", groups: { p: "A", q: "B", r: "A" } }, keyOf(f)).correct).toBe(true);
  });
});

describe("race, from the simulator's schedules", () => {
  const d = def({
    mechanism: "refcount-costs",
    code: "import threading\ncount = 1\ndef work():\n    global count\n    count += 1\nt1 = threading.Thread(target=work)\nt2 = threading.Thread(target=work)\nt1.start()\nt2.start()\nt1.join()\nt2.join()\nprint(count)\n",
    answer: { kind: "race" },
  });
  it("is the notes' example: 2 or 3; answering only 3 is race-always-correct", () => {
    const k = keyOf(d);
    expect(k.answer).toEqual({ kind: "race", value: [2, 3] });
    expect(gradeRaw(d, { kind: "race", values: [3] }, k)).toMatchObject({ score: 0.5, misconception: { id: "race-always-correct" } });
    expect(gradeRaw(d, { kind: "race", values: [3, 2] }, k).correct).toBe(true);
    // The feedback shows an interleaving that loses one update.
    expect(k.moment?.schedule?.value).toBe(2);
    expect(k.moment?.schedule?.steps.length).toBeGreaterThanOrEqual(6);
  });
});

describe("the key moment of a printed value", () => {
  it("is the print statement, with the names it reads", () => {
    const d = def({ code: "import sys\na = [1]\nb = a\nprint(sys.getrefcount(a))\n", answer: { kind: "integer" } });
    const k = keyOf(d);
    expect(k.answer).toEqual({ kind: "integer", value: 3 });
    expect(k.moment).toMatchObject({ line: 4, source: "print(sys.getrefcount(a))" });
    expect(k.moment?.frames[0].locals.map((l) => l.name)).toEqual(expect.arrayContaining(["a", "b"]));
    expect(gradeRaw(d, { kind: "integer", value: 2 }, k).misconception?.id).toBe("forgot-getrefcount-argument");
  });
});
