import { describe, expect, it } from "vitest";
import { run } from "./index";

describe("trace", () => {
  const src = "import sys\nx = [1, 2, 3]\ny = x\ndel x\ndel y\nprint('done')\n";

  it("records one step per executed line with names, objects and refcounts", () => {
    const r = run(src, { python: "3.12", trace: true });
    expect(r.exitCode).toBe(0);
    const steps = r.trace ?? [];
    expect(steps.map((s) => s.line)).toEqual([1, 2, 3, 4, 5, 6, 6]);
    const beforeDelX = steps[3];
    const names = beforeDelX.frames[0].locals.map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(["x", "y"]));
    const listId = beforeDelX.frames[0].locals.find((l) => l.name === "x")?.objectId;
    const list = beforeDelX.objects.find((o) => o.id === listId);
    expect(list).toMatchObject({ type: "list", refcount: 2, tracked: true, generation: 0 });
    expect(list?.refs).toHaveLength(3);
    // the list is freed by `del y` (line 5), so the next step reports it
    expect(steps[5].freed).toContain(listId);
    expect(steps[steps.length - 1].stdout).toBe("done\n");
  });

  it("lists a deleted cycle as unreachable, with its real counts, until the collector frees it", () => {
    const r = run("import gc\na = []\nb = [a]\na.append(b)\ndel a, b\ngc.collect()\nprint('done')\n", { python: "3.12", trace: true });
    const steps = r.trace ?? [];
    const beforeCollect = steps.find((s) => s.line === 6);
    expect(beforeCollect?.frames[0].locals).toEqual([]);
    const garbage = beforeCollect?.objects.filter((o) => o.unreachable) ?? [];
    expect(garbage.map((o) => [o.type, o.refcount])).toEqual([["list", 1], ["list", 1]]);
    expect(beforeCollect?.unreachable).toEqual(garbage.map((o) => o.id));
    // while both names exist nothing is unreachable; after the collection the lists are freed
    expect(steps.find((s) => s.line === 5)?.unreachable).toEqual([]);
    const after = steps.find((s) => s.line === 7);
    expect(after?.freed).toEqual(expect.arrayContaining(garbage.map((o) => o.id)));
    expect(after?.objects.some((o) => o.unreachable)).toBe(false);
  });

  it("costs nothing unless asked for", () => {
    expect(run(src).trace).toBeUndefined();
  });

  it("reports immortal objects on 3.12 and uncounted ones before", () => {
    const t12 = run("x = None\ny = 1\n", { python: "3.12", trace: true }).trace ?? [];
    const last12 = t12[t12.length - 1];
    expect(last12.objects.find((o) => o.type === "NoneType")).toMatchObject({ immortal: true, refcount: null });
    const t10 = run("x = None\n", { python: "3.10", trace: true }).trace ?? [];
    expect(t10[t10.length - 1].objects.find((o) => o.type === "NoneType")).toMatchObject({ immortal: false, refcount: null });
  });
});
