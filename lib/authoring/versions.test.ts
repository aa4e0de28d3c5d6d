import { describe, expect, it } from "vitest";
import { parseDefinition, type QuestionDefinition } from "@/lib/questions/schema";
import { decideVersion, definitionText, diffLines } from "./versions";

function def(code: string, extra: object = {}): QuestionDefinition {
  const r = parseDefinition({ slug: "print-n", title: "Print n", mechanism: "refcount", prompt: "What is printed?", code, params: { n: { int: [1, 9] } }, answer: { kind: "output" }, ...extra });
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.definition;
}

describe("decideVersion", () => {
  const v1 = def("print({{n}})\n");
  it("a new question starts at version 1", () => {
    expect(decideVersion(null, v1)).toEqual({ action: "create", version: 1 });
  });
  it("the same definition adds no version, whatever its key order or written defaults", () => {
    // As PostgreSQL's jsonb gives it back: keys reordered; and as an author writes it: defaults left out.
    const { answer, ...rest } = v1;
    const stored = JSON.parse(JSON.stringify({ answer, ...rest }));
    expect(decideVersion({ version: 3, definition: stored }, v1)).toEqual({ action: "unchanged", version: 3 });
    const sparse = { slug: "print-n", title: "Print n", mechanism: "refcount", prompt: "What is printed?", code: "print({{n}})\n", params: { n: { int: [1, 9] } }, answer: { kind: "output" } };
    expect(decideVersion({ version: 3, definition: sparse }, v1).action).toBe("unchanged");
  });
  it("any change to the definition is the next version", () => {
    expect(decideVersion({ version: 3, definition: v1 }, def("print({{n}} + 1)\n"))).toEqual({ action: "bump", version: 4 });
    expect(decideVersion({ version: 1, definition: v1 }, def("print({{n}})\n", { mode: "repl" }))).toEqual({ action: "bump", version: 2 });
  });
  it("a stored definition the schema no longer accepts is replaced", () => {
    expect(decideVersion({ version: 2, definition: { junk: true } }, v1)).toEqual({ action: "bump", version: 3 });
  });
});

describe("diffLines", () => {
  it("marks exactly the changed lines", () => {
    const a = definitionText(def("print({{n}})\n"));
    const b = definitionText(def("print({{n}} + 1)\n"));
    const changed = diffLines(a, b).filter((l) => l.op !== " ");
    expect(changed).toEqual([
      { op: "-", text: '  "code": "print({{n}})\\n",' },
      { op: "+", text: '  "code": "print({{n}} + 1)\\n",' },
    ]);
    expect(diffLines(a, a).every((l) => l.op === " ")).toBe(true);
  });
});
