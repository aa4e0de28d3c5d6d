// Each catalogue entry, detected from a wrong answer. Keys come from real CPython through the
// grading code itself wherever the key is stdout-based (so the counterfactual programs really
// run); freed and race keys, which need the simulator's trace, are built by hand.
import { describe, expect, it } from "vitest";
import type { PythonVersion } from "@/lib/questions/mechanisms";
import type { QuestionDefinition } from "@/lib/questions/schema";
import { cpython, cpythonPath } from "@/test/questions/cpython";
import type { StudentAnswer } from "./answers";
import { def, key, variantOf } from "./fixtures.test-helpers";
import { grade } from "./grade";
import { computeKeyWith, type Key } from "./key";
import { MISCONCEPTIONS } from "./misconceptions";

const missing = (["3.10", "3.12", "3.13"] as const).filter((v) => !cpythonPath(v));
if (missing.length) console.log(`misconceptions.test: skipping the real-CPython cases: CPython ${missing.join(", ")} not installed`);
const real = missing.length ? it.skip : it;

function realKey(d: QuestionDefinition, python: PythonVersion = "3.12"): Key {
  const r = computeKeyWith(cpython(python), d, variantOf(d), python);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.key;
}
function detected(d: QuestionDefinition, answer: StudentAnswer, k: Key): string | undefined {
  return grade(d, variantOf(d), answer, k).misconception?.id;
}
const tested = new Set<string>();
function expectDetected(id: string, d: QuestionDefinition, answer: StudentAnswer, k: Key) {
  tested.add(id);
  expect(detected(d, answer, k)).toBe(id);
}

describe("misconceptions from real keys", () => {
  const refcount = def({ code: "import sys\na = [1]\nb = a\nprint(sys.getrefcount(a))\n", answer: { kind: "integer" } });
  real("getrefcount's argument: forgotten (key - 1) and double counted (key + 1)", () => {
    const k = realKey(refcount);
    expect(k.answer).toEqual({ kind: "integer", value: 3 });
    expectDetected("forgot-getrefcount-argument", refcount, { kind: "integer", value: 2 }, k);
    expectDetected("counted-getrefcount-argument", refcount, { kind: "integer", value: 4 }, k);
    expect(detected(refcount, { kind: "integer", value: 7 }, k)).toBeUndefined();
  });

  real("immortal-refcount: a visible count for None on 3.12", () => {
    const d = def({ code: "import sys\nx = None\nprint(sys.getrefcount(x))\n", answer: { kind: "integer" } });
    const k = realKey(d);
    expect(k.answer).toEqual({ kind: "integer", value: 4294967295 });
    expectDetected("immortal-refcount", d, { kind: "integer", value: 2 }, k);
  });

  real("assignment-copies: output as if b = a had copied", () => {
    const d = def({ mechanism: "names-references-objects", code: "a = [1]\nb = a\nb.append(2)\nprint(a)\n", answer: { kind: "output" } });
    const k = realKey(d);
    expect(k.answer).toEqual({ kind: "output", value: "[1, 2]" });
    expectDetected("assignment-copies", d, { kind: "output", value: "[1]" }, k);
    expect(detected(d, { kind: "output", value: "[2]" }, k)).toBeUndefined();
  });

  real("shallow-copy-is-deep: output as if copy.copy were deepcopy", () => {
    const d = def({ mechanism: "mutable", code: "import copy\na = [[1]]\nb = copy.copy(a)\nb[0].append(2)\nprint(a)\n", answer: { kind: "output" } });
    const k = realKey(d);
    expect(k.answer).toEqual({ kind: "output", value: "[[1, 2]]" });
    expectDetected("shallow-copy-is-deep", d, { kind: "output", value: "[[1]]" }, k);
  });

  real("augmented-assignment-rebinds: a += x on a list thought to make a new list", () => {
    const d = def({ mechanism: "mutable", code: "a = [1]\nb = [a]\na += [2]\nprint(b)\n", answer: { kind: "output" } });
    const k = realKey(d);
    expectDetected("augmented-assignment-rebinds", d, { kind: "output", value: "[[1]]" }, k);
  });

  real("immutable-changed-in-place: x += 1 thought to change the shared int", () => {
    const d = def({ mechanism: "immutable", code: "x = 5\ny = x\nx += 1\nprint(x is y)\n", answer: { kind: "boolean" } });
    const k = realKey(d);
    expect(k.answer).toEqual({ kind: "boolean", value: false });
    expectDetected("immutable-changed-in-place", d, { kind: "boolean", value: true }, k);
  });

  real("cycle-without-collector and collector-needed-for-everything, from gc.collect()", () => {
    const cycle = def({ mechanism: "gc", code: "import gc\ngc.collect()\nx = []\nx.append(x)\ndel x\nprint(gc.collect())\n", answer: { kind: "integer" } });
    const kc = realKey(cycle);
    expect(kc.answer).toEqual({ kind: "integer", value: 1 });
    expectDetected("cycle-without-collector", cycle, { kind: "integer", value: 0 }, kc);
    const plain = def({ mechanism: "gc", code: "import gc\ngc.collect()\nx = [[1], [2]]\ndel x\nprint(gc.collect())\n", answer: { kind: "integer" } });
    const kp = realKey(plain);
    expect(kp.answer).toEqual({ kind: "integer", value: 0 });
    expectDetected("collector-needed-for-everything", plain, { kind: "integer", value: 3 }, kp);
  });

  real("weakref-keeps-alive: the weak reference thought to keep its object", () => {
    const d = def({ mechanism: "manual", code: "import weakref\nclass T:\n    pass\nt = T()\nr = weakref.ref(t)\ndel t\nprint(r() is None)\n", answer: { kind: "boolean" } });
    const k = realKey(d);
    expect(k.answer).toEqual({ kind: "boolean", value: true });
    expectDetected("weakref-keeps-alive", d, { kind: "boolean", value: false }, k);
  });

  real("equal-strings-same-object: equal strings built at run time", () => {
    const d = def({ mechanism: "interning", code: 'a = "".join(["ab", "cd"])\nb = "abcd"\nprint(a is b)\n', answer: { kind: "boolean" } });
    const k = realKey(d);
    expect(k.answer).toEqual({ kind: "boolean", value: false });
    expectDetected("equal-strings-same-object", d, { kind: "boolean", value: true }, k);
  });

  real("all-equal-ints-shared: large ints made at run time", () => {
    const d = def({ mechanism: "pooling", code: 'a = int("1000")\nb = int("1000")\nprint(a is b)\n', answer: { kind: "boolean" } });
    const k = realKey(d);
    expectDetected("all-equal-ints-shared", d, { kind: "boolean", value: true }, k);
  });

  real("other-python-version: 3.12's threshold given for 3.13", () => {
    const d = def({ mechanism: "gc", code: "import gc\nprint(gc.get_threshold()[0])\n", answer: { kind: "integer" } });
    const k = realKey(d, "3.13");
    expect(k.answer).toEqual({ kind: "integer", value: 2000 });
    expect(k.alternatives).toContainEqual(expect.objectContaining({ misconception: "other-python-version", answer: { kind: "integer", value: 700 } }));
    expectDetected("other-python-version", d, { kind: "integer", value: 700 }, k);
  });

  real("script-vs-repl: a script's shared constant given for the prompt", () => {
    const d = def({ mechanism: "pooling", mode: "repl", code: "a = 1000\nb = 1000\nprint(a is b)\n", answer: { kind: "boolean" }, misconceptions: ["script-vs-repl"] });
    const k = realKey(d);
    expect(k.answer).toEqual({ kind: "boolean", value: false });
    expectDetected("script-vs-repl", d, { kind: "boolean", value: true }, k);
  });
});

describe("misconceptions from trace-based keys", () => {
  const freedDef = def({
    code: "a = [1]  # (A)\nb = a\ndel a\n",
    answer: { kind: "freed", targets: [{ id: "list", label: "the list", name: "a", at: "A" }] },
  });
  it("del-frees-object: marked freed after del while another name holds it", () => {
    const k = key({ kind: "freed", value: { list: false } }, { targetFacts: { list: { deleted: true, inCycle: false } } });
    expectDetected("del-frees-object", freedDef, { kind: "freed", freed: ["list"] }, k);
  });
  it("cycle-without-collector: a cycle marked freed with no collection", () => {
    const k = key({ kind: "freed", value: { list: false } }, { targetFacts: { list: { deleted: true, inCycle: true } } });
    expectDetected("cycle-without-collector", freedDef, { kind: "freed", freed: ["list"] }, k);
  });
  it("weakref-keeps-alive: an object held only weakly reported alive", () => {
    const d = def({ code: "import weakref\nclass B:\n    pass\nx = B()  # (A)\nw = weakref.ref(x)\ndel x\n", answer: { kind: "freed", targets: [{ id: "x", label: "the B", name: "x", at: "A" }] } });
    const k = key({ kind: "freed", value: { x: true } }, { targetFacts: { x: { deleted: true, inCycle: false } } });
    expectDetected("weakref-keeps-alive", d, { kind: "freed", freed: [] }, k);
  });
  it("race-always-correct: only the sequential result", () => {
    const d = def({ answer: { kind: "race" } });
    const k = key({ kind: "race", value: [1, 2] });
    expectDetected("race-always-correct", d, { kind: "race", values: [2] }, k);
    expect(detected(d, { kind: "race", values: [1] }, k)).toBeUndefined();
  });
});

describe("the catalogue", () => {
  it("never names a misconception for a right answer", () => {
    const d = def({ code: "import sys\nprint(sys.getrefcount([]))\n", answer: { kind: "integer" } });
    const k = key({ kind: "integer", value: 1 }, { alternatives: [{ misconception: "other-python-version", detail: "", answer: { kind: "integer", value: 1 } }] });
    expect(grade(d, variantOf(d), { kind: "integer", value: 1 }, k).misconception).toBeUndefined();
  });
  it("reports only the ids a template allows", () => {
    const d = def({ code: "import sys\nprint(sys.getrefcount([]))\n", answer: { kind: "integer" }, misconceptions: ["assignment-copies"] });
    expect(detected(d, { kind: "integer", value: 0 }, key({ kind: "integer", value: 1 }))).toBeUndefined();
  });
  it("has unique ids, a title and an explanation for each, and at least ten entries", () => {
    expect(MISCONCEPTIONS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(MISCONCEPTIONS.map((m) => m.id)).size).toBe(MISCONCEPTIONS.length);
    for (const m of MISCONCEPTIONS) expect(m.title.length > 5 && m.explanation.length > 40 && m.revealedBy.length > 5).toBe(true);
  });
  it.skipIf(missing.length > 0)("has a detection test for every entry (needs the CPython cases)", () => {
    expect(MISCONCEPTIONS.map((m) => m.id).filter((id) => !tested.has(id))).toEqual([]);
  });
});
