// Programs that grow text or sequences without end must stop at a budget, never crash the
// process: V8 aborts the whole process (not just the run) when a split of a huge string asks for
// a too-large array, so the heap refuses text past MAX_STR_LENGTH before it gets there.
import { describe, expect, it } from "vitest";
import { MAX_STR_LENGTH } from "./heap";
import { run } from "./index";

const budget = { python: "3.12" as const, maxSteps: 10_000, maxObjects: 1_000 };

describe("memory budget", () => {
  it.each([
    ["repeated replace", "s = 'ab' * 4000000\nfor i in range(9):\n    s = s.replace('a', 'aaaa')\n"],
    ["doubling by concatenation", "s = 'ab' * 100000\nfor i in range(20):\n    s = s + s\n"],
    ["doubling in place", "s = 'ab' * 100000\nfor i in range(20):\n    s += s\n"],
    ["join of big parts", "s = 'a' * 9000000\nx = ' '.join([s, s, s])\n"],
  ])("%s stops with a budget or unsupported exit, quickly", (_name, source) => {
    const started = Date.now();
    const r = run(source, budget);
    expect([2, 3]).toContain(r.exitCode);
    expect(r.stderr).toMatch(/^(budget|unsupported): /);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([
    ["list", "x = [0] * 900000\nfor i in range(30):\n    x = x + x\n"],
    ["list in place", "x = [0] * 900000\nfor i in range(30):\n    x += x\n"],
    ["tuple", "x = (0,) * 900000\nfor i in range(30):\n    x = x + x\n"],
  ])("a doubling %s stops instead of exhausting memory", (_name, source) => {
    const r = run(source, budget);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/sequence too large/);
  });

  it("text up to the limit is still modelled", () => {
    const r = run(`s = 'a' * ${MAX_STR_LENGTH}\nprint(len(s))\n`, budget);
    expect(r).toMatchObject({ exitCode: 0, stdout: `${MAX_STR_LENGTH}\n` });
  });
});

describe("trace budget", () => {
  it("a traced loop that grows a big structure stops at the trace budget within a second or two", () => {
    const started = Date.now();
    const r = run("x = []\nwhile True:\n    x.append([0] * 1000)\n", { ...budget, trace: true });
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toMatch(/^budget: the step trace is too large/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("an ordinary traced program is untouched by it", () => {
    const r = run("a = [1, 2]\nb = a\ndel a\nprint(b)\n", { ...budget, trace: true });
    expect(r.exitCode).toBe(0);
    expect(r.trace?.length).toBeGreaterThan(3);
  });
});
