// The bank as files: every template validates, the mechanisms are all covered, concept questions
// are sound, and malformed files are reported with their path and field.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BankError, loadBank } from "@/lib/questions/load";
import { MECHANISMS } from "@/lib/questions/mechanisms";
import { ANSWER_KINDS } from "@/lib/questions/schema";
import { makeVariant } from "@/lib/questions/variant";
import { trivialityProblem } from "@/lib/grading/nontrivial";

const bank = loadBank();

describe("the question bank files", () => {
  it("has at least 84 valid templates, at least 6 per mechanism, and every answer kind", () => {
    expect(bank.length).toBeGreaterThanOrEqual(84);
    for (const m of MECHANISMS) expect(bank.filter((e) => e.definition.mechanism === m).length, m).toBeGreaterThanOrEqual(6);
    for (const k of ANSWER_KINDS) expect(bank.some((e) => e.definition.answer.kind === k), k).toBe(true);
  });

  it("renders every template on 100 seeds with no placeholder left", () => {
    for (const { file, definition } of bank) {
      for (let seed = 0; seed < 100; seed++) {
        const v = makeVariant(definition, seed);
        expect(`${v.prompt}\n${v.code}`, file).not.toMatch(/\{\{|\}\}/);
      }
    }
  });

  it("has sound concept questions (distinct options; multi neither none nor all)", () => {
    for (const { file, definition } of bank) {
      if (definition.answer.kind !== "choice" && definition.answer.kind !== "multi") continue;
      const variants = Array.from({ length: 20 }, (_, s) => makeVariant(definition, s));
      expect(trivialityProblem(definition, variants, []), file).toBeNull();
    }
  });

  it("gives the misconceptions each template names from the catalogue", async () => {
    const { MISCONCEPTIONS } = await import("@/lib/grading/misconceptions");
    const ids = new Set(MISCONCEPTIONS.map((m) => m.id));
    for (const { file, definition } of bank) for (const m of definition.misconceptions ?? []) expect(ids.has(m), `${file}: ${m}`).toBe(true);
  });
});

describe("a malformed bank", () => {
  function bankWith(files: Record<string, unknown>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "heapwise-bank-"));
    for (const [name, body] of Object.entries(files)) {
      mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
      writeFileSync(path.join(dir, name), typeof body === "string" ? body : JSON.stringify(body));
    }
    return dir;
  }
  const ok = { slug: "one", title: "One question", mechanism: "gc", prompt: "What is printed here?", code: "print(1)\nprint(2)\n", answer: { kind: "integer" } };

  it("is reported file by file, field by field", () => {
    const dir = bankWith({
      "gc/one.json": ok,
      "gc/two.json": { ...ok, slug: "two", answer: { kind: "integer", line: "last" } },
      "gc/three.json": "{ not json",
      "pooling/four.json": { ...ok, slug: "four" },
      "gc/five.json": { ...ok, slug: "one" },
    });
    let problems: string[] = [];
    try {
      loadBank(dir);
    } catch (error) {
      if (error instanceof BankError) problems = error.problems;
    }
    expect(problems).toContainEqual(expect.stringMatching(/^gc\/two\.json: answer\.line: /));
    expect(problems).toContainEqual(expect.stringMatching(/^gc\/three\.json: not JSON/));
    expect(problems).toContain("pooling/four.json: mechanism is gc but the file is in pooling/");
    expect(problems).toContain("gc/five.json: slug one does not match the file name");
    expect(problems).toContainEqual(expect.stringMatching(/slug one already used by/));
  });

  it("loads a sound one", () => {
    expect(loadBank(bankWith({ "gc/one.json": ok })).map((e) => e.definition.slug)).toEqual(["one"]);
  });
});
