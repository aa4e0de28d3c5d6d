import { describe, expect, it } from "vitest";
import { toStepperRun } from "./trace";

const obj = (id: number, refcount: number | null) => ({ id, type: "list", preview: "list of 0", refcount, generation: 0, tracked: true, interned: false, immortal: false, refs: [] });

describe("toStepperRun", () => {
  it("keeps the simulator's refcounts and gives freed objects their last look", () => {
    const raw = {
      stdout: "",
      stderr: "",
      exitCode: 0,
      trace: [
        { line: 2, event: "line", frames: [{ name: "<module>", locals: [{ name: "x", objectId: 7 }] }], objects: [obj(7, 1)], freed: [], stdout: "" },
        { line: 3, event: "line", frames: [{ name: "<module>", locals: [] }], objects: [], freed: [7], stdout: "" },
      ],
    };
    const run = toStepperRun("3.12", raw);
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.steps[0].objects[0].refcount).toBe(1);
    expect(run.steps[1].freed).toEqual([{ ...run.steps[0].objects[0], refcount: 0 }]);
  });
  it("reports unsupported programs and malformed traces as errors", () => {
    expect(toStepperRun("3.12", { stdout: "", stderr: "unsupported: generators", exitCode: 2 })).toEqual({ python: "3.12", ok: false, error: "unsupported: generators" });
    expect(toStepperRun("3.12", { nonsense: true }).ok).toBe(false);
  });
});

describe("unreachable cycles", () => {
  it("keeps a container that left every frame without being freed, counting references from the other objects", () => {
    const a = { ...obj(1, 2), refs: [2] };
    const b = { ...obj(2, 2), refs: [1] };
    const raw = {
      stdout: "",
      stderr: "",
      exitCode: 0,
      trace: [
        { line: 5, frames: [{ name: "<module>", locals: [{ name: "a", objectId: 1 }, { name: "b", objectId: 2 }] }], objects: [a, b], freed: [], stdout: "" },
        { line: 6, frames: [{ name: "<module>", locals: [] }], objects: [], freed: [], stdout: "" },
        { line: 7, frames: [{ name: "<module>", locals: [] }], objects: [], freed: [1, 2], stdout: "" },
      ],
    };
    const run = toStepperRun("3.12", raw);
    if (!run.ok) throw new Error(run.error);
    expect(run.steps[1].objects.map((o) => [o.id, o.refcount, o.unreachable])).toEqual([
      [1, 1, true],
      [2, 1, true],
    ]);
    expect(run.steps[2].objects).toEqual([]);
    expect(run.steps[2].freed.map((o) => o.id)).toEqual([1, 2]);
  });
});

describe("unreachable objects listed by the simulator", () => {
  it("uses the simulator's garbage list and counts instead of rebuilding them", () => {
    const a = { ...obj(1, 1), refs: [2], unreachable: true };
    const b = { ...obj(2, 1), refs: [1], unreachable: true };
    const raw = {
      stdout: "",
      stderr: "",
      exitCode: 0,
      trace: [
        { line: 5, frames: [{ name: "<module>", locals: [] }], objects: [obj(3, 1)], freed: [], unreachable: [], stdout: "" },
        { line: 6, frames: [{ name: "<module>", locals: [] }], objects: [a, b], freed: [], unreachable: [1, 2], stdout: "" },
        // obj 3 left every frame without being freed: with the simulator's list it is not garbage
        { line: 7, frames: [{ name: "<module>", locals: [] }], objects: [], freed: [1, 2], unreachable: [], stdout: "" },
      ],
    };
    const run = toStepperRun("3.12", raw);
    if (!run.ok) throw new Error(run.error);
    expect(run.steps[1].objects.map((o) => [o.id, o.refcount, o.unreachable])).toEqual([
      [1, 1, true],
      [2, 1, true],
    ]);
    expect(run.steps[2].objects).toEqual([]);
  });
});

describe("object previews", () => {
  it("writes small lists, tuples and dicts out from their items, nested containers as …", () => {
    const int = (id: number, v: string) => ({ id, type: "int", preview: v, refcount: null, generation: null, tracked: false, interned: false, immortal: true, refs: [] });
    const inner = { ...obj(5, 1), refs: [] };
    const list = { ...obj(4, 1), preview: "list of 3", refs: [1, 2, 5] };
    const tuple = { ...obj(6, 1), type: "tuple", preview: "tuple of 1", refs: [1] };
    const dict = { ...obj(7, 1), type: "dict", preview: "dict of 1", refs: [2, 5] };
    const run = toStepperRun("3.12", {
      stdout: "",
      stderr: "",
      exitCode: 0,
      trace: [{ line: 1, frames: [], objects: [list, int(1, "1"), int(2, "2"), inner, tuple, dict], freed: [], stdout: "" }, { line: 2, frames: [], objects: [], freed: [], stdout: "" }],
    });
    if (!run.ok) throw new Error(run.error);
    const previews = new Map(run.steps[0].objects.map((o) => [o.id, o.preview]));
    expect(previews.get(4)).toBe("[1, 2, …]");
    expect(previews.get(5)).toBe("[]");
    expect(previews.get(6)).toBe("(1,)");
    expect(previews.get(7)).toBe("{2: …}");
  });
});
