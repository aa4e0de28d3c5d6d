import { describe, expect, it } from "vitest";
import { cpython, cpythonPath } from "@/test/questions/cpython";
import { def, variantOf } from "./fixtures.test-helpers";
import { computeKeyWith } from "./key";
import type { Simulator, TraceStep } from "./simulator";

const here = cpythonPath("3.12");
if (!here) console.log("key.test: skipping real-CPython cases: CPython 3.12 not installed");
const real = here ? it : it.skip;

describe("keys that must not be graded", () => {
  real("an unexpected exception", () => {
    const d = def({ code: "x = [1]\nprint(x[3])\n", answer: { kind: "integer" } });
    expect(computeKeyWith(cpython("3.12"), d, variantOf(d), "3.12")).toEqual({ ok: false, error: { code: "exception", message: "the code raised: IndexError: list index out of range" } });
  });
  real("a template that expects an exception which never comes", () => {
    const d = def({ code: "print(1)\n", answer: { kind: "output" }, expectsException: true });
    const r = computeKeyWith(cpython("3.12"), d, variantOf(d), "3.12");
    expect(r.ok ? "" : r.error.code).toBe("exception");
  });
  real("an expected exception is part of the output", () => {
    const d = def({ code: "print(1)\nt = (1,)\nt[0] = 2\n", answer: { kind: "output" }, expectsException: true });
    const r = computeKeyWith(cpython("3.12"), d, variantOf(d), "3.12");
    expect(r.ok && r.key.answer).toEqual({ kind: "output", value: "1\nTypeError: 'tuple' object does not support item assignment" });
  });
  real("stdout that is not the declared kind", () => {
    const d = def({ code: "print('three')\n", answer: { kind: "integer" } });
    const r = computeKeyWith(cpython("3.12"), d, variantOf(d), "3.12");
    expect(r.ok ? "" : r.error.code).toBe("bad-output");
  });
  real("reads the declared stdout line, counting from the end when negative", () => {
    const d = def({ code: "print(1)\nprint(2)\nprint(3)\n", answer: { kind: "integer", line: -2 } });
    const r = computeKeyWith(cpython("3.12"), d, variantOf(d), "3.12");
    expect(r.ok && r.key.answer).toEqual({ kind: "integer", value: 2 });
  });
  it("a version the template is not about", () => {
    const d = def({ answer: { kind: "integer" }, pythonVersions: ["3.12", "3.13"] });
    const r = computeKeyWith(cpython("3.10"), d, variantOf(d), "3.10");
    expect(r.ok ? "" : r.error.code).toBe("version");
  });
  it("unsupported, budget and internal faults of the simulator", () => {
    const d = def({ answer: { kind: "integer" } });
    for (const [exitCode, code] of [[2, "unsupported"], [3, "budget"], [70, "internal"]] as const) {
      const sim: Simulator = { run: () => ({ stdout: "", stderr: "why", exitCode }) };
      const r = computeKeyWith(sim, d, variantOf(d), "3.12");
      expect(r.ok ? "" : r.error.code).toBe(code);
    }
  });
  it("a simulator that throws", () => {
    const d = def({ answer: { kind: "integer" } });
    const sim: Simulator = { run: () => { throw new Error("boom"); } };
    expect(computeKeyWith(sim, d, variantOf(d), "3.12")).toEqual({ ok: false, error: { code: "internal", message: "the simulator threw: boom" } });
  });
  it("a race question on a simulator that cannot enumerate schedules", () => {
    const d = def({ answer: { kind: "race" } });
    const r = computeKeyWith(cpython("3.12"), d, variantOf(d), "3.12");
    expect(r.ok ? "" : r.error.code).toBe("unsupported");
  });
});

// Trace handling, on a recorded trace (until lib/sim lands, the bank test runs the real one).
describe("keys from a trace", () => {
  const code = "a = [1]  # (A)\nb = [a]\nb.append(b)\nc = a  # (B)\ndel a, b\n";
  const frame = (locals: [string, number][]) => [{ name: "<module>", locals: locals.map(([name, objectId]) => ({ name, objectId })) }];
  const obj = (id: number, refs: number[] = []) => ({ id, type: "list", preview: "[...]", refcount: 1, refs });
  // As lib/sim records them: each step before its statement runs, then the end.
  const trace: TraceStep[] = [
    { line: 1, frames: frame([]), objects: [], freed: [], stdout: "" },
    { line: 2, frames: frame([["a", 1]]), objects: [obj(1)], freed: [], stdout: "" },
    { line: 3, frames: frame([["a", 1], ["b", 2]]), objects: [obj(1), obj(2, [1])], freed: [], stdout: "" },
    { line: 4, frames: frame([["a", 1], ["b", 2]]), objects: [obj(1), obj(2, [1, 2])], freed: [], stdout: "" },
    { line: 5, frames: frame([["a", 1], ["b", 2], ["c", 1]]), objects: [obj(1), obj(2, [1, 2])], freed: [], stdout: "" },
    { line: 5, frames: frame([["c", 1]]), objects: [obj(1)], freed: [], stdout: "" },
  ];
  const recorded: Simulator = { run: () => ({ stdout: "", stderr: "", exitCode: 0, trace }) };
  it("freed: per target, with the facts misconceptions need", () => {
    const d = def({ code, answer: { kind: "freed", targets: [{ id: "a", label: "a", name: "a", at: "A" }, { id: "c", label: "c", name: "c", at: "B" }] }, misconceptions: [] });
    const r = computeKeyWith(recorded, d, variantOf(d), "3.12");
    expect(r.ok && r.key.answer).toEqual({ kind: "freed", value: { a: false, c: false } });
    expect(r.ok && r.key.targetFacts).toEqual({ a: { deleted: true, inCycle: false }, c: { deleted: false, inCycle: false } });
  });
  it("freed: an unreachable cycle, missing from the last step, is still known to be a cycle", () => {
    const d = def({ code, answer: { kind: "freed", targets: [{ id: "b", label: "b", name: "b", at: "B" }] }, misconceptions: [] });
    const r = computeKeyWith(recorded, d, variantOf(d), "3.12");
    expect(r.ok && r.key.answer).toEqual({ kind: "freed", value: { b: false } });
    expect(r.ok && r.key.targetFacts).toEqual({ b: { deleted: true, inCycle: true } });
  });
  it("diagram: names to objects at the mark, unbound as null", () => {
    const d = def({ code, answer: { kind: "diagram", at: "B", names: ["a", "c", "b"] }, misconceptions: [] });
    const r = computeKeyWith(recorded, d, variantOf(d), "3.12");
    expect(r.ok && r.key.answer).toEqual({ kind: "diagram", value: { a: 1, c: 1, b: 2 } });
    expect(r.ok && r.key.moment?.line).toBe(4);
  });
  it("a target name unbound at its mark is a template error, not a grade", () => {
    const d = def({ code, answer: { kind: "freed", targets: [{ id: "z", label: "z", name: "zz", at: "A" }] } });
    const r = computeKeyWith(recorded, d, variantOf(d), "3.12");
    expect(r.ok ? "" : r.error.code).toBe("template");
  });
});
