// Authoring on a real database: who may read and write a course's templates, the version rules
// (a changed definition is the next version; past attempts keep theirs), archive, and import /
// export round trips between courses. Then the Pyodide cross-check against real CPython 3.14.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseImport } from "../../lib/authoring/exchange";
import { crossCheck } from "../../lib/authoring/pyodide/crosscheck";
import { pyodide } from "../../lib/authoring/pyodide/service";
import { exportCourse, getQuestion, importDefinitions, listQuestions, saveQuestion, setArchived } from "../../lib/authoring/service";
import type { Caller } from "../../lib/auth/caller";
import { syncBank } from "../../lib/bank/sync";
import { HttpError } from "../../lib/http/errors";
import { loadBank } from "../../lib/questions/load";
import { parseDefinition, type QuestionDefinition } from "../../lib/questions/schema";
import { useTestDatabase } from "../support/db";

const db = useTestDatabase();

function definition(code: string, slug = "alias-len"): QuestionDefinition {
  const r = parseDefinition({ slug, title: "Alias length", mechanism: "names-references-objects", prompt: "What does this print?", code, params: { n: { int: [1, 9] } }, answer: { kind: "integer" } });
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.definition;
}
const V1 = definition("a = [0] * {{n}}\nb = a\nprint(len(b))\n");
const V2 = definition("a = [0] * {{n}}\nb = a\nb.append(1)\nprint(len(a))\n");

async function refused(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (error instanceof HttpError) return error.code;
    throw error;
  }
  return "allowed";
}

describe.skipIf(db.skip)(`authoring (${db.target})`, () => {
  let owner: Caller;
  let ta: Caller;
  let student: Caller;
  let stranger: Caller;
  let courseId: string;
  let otherCourseId: string;
  let questionId: string;

  beforeAll(async () => {
    const p = db.prisma;
    const mk = async (name: string, role: "INSTRUCTOR" | "STUDENT"): Promise<Caller> => {
      const u = await p.user.create({ data: { email: `${name}-${randomUUID().slice(0, 6)}@example.test`, name, passwordHash: "x", role } });
      return { id: u.id, email: u.email, name: u.name, role: u.role, via: "session" };
    };
    owner = await mk("owner", "INSTRUCTOR");
    ta = await mk("ta", "STUDENT");
    student = await mk("student", "STUDENT");
    stranger = await mk("stranger", "INSTRUCTOR");
    courseId = (await p.course.create({ data: { title: "Authoring", ownerId: owner.id, joinCode: randomUUID().slice(0, 8) } })).id;
    otherCourseId = (await p.course.create({ data: { title: "Elsewhere", ownerId: stranger.id, joinCode: randomUUID().slice(0, 8) } })).id;
    await p.enrolment.create({ data: { courseId, userId: ta.id, role: "TA" } });
    await p.enrolment.create({ data: { courseId, userId: student.id, role: "STUDENT" } });
    await syncBank(p, loadBank().slice(0, 3));
  });

  it("creates version 1, keeps it on an unchanged save, and adds version 2 on a change", async () => {
    const created = await saveQuestion(owner, courseId, null, V1);
    expect(created).toMatchObject({ version: 1, action: "create" });
    questionId = created.questionId;
    // Reordered keys and defaults written out are the same definition.
    const { answer, ...rest } = V1;
    const same = parseDefinition(JSON.parse(JSON.stringify({ answer, ...rest })));
    if (!same.ok) throw new Error("unreachable");
    expect(await saveQuestion(owner, courseId, questionId, same.definition)).toMatchObject({ version: 1, action: "unchanged" });

    // An attempt graded under version 1 must keep pointing at it after version 2 is published.
    const v1 = await db.prisma.questionVersion.findFirstOrThrow({ where: { questionId, version: 1 } });
    expect(await saveQuestion(owner, courseId, questionId, V2)).toMatchObject({ version: 2, action: "bump" });
    const q = await db.prisma.question.findUniqueOrThrow({ where: { id: questionId }, include: { versions: { orderBy: { version: "asc" } } } });
    expect(q.currentVersion).toBe(2);
    expect(q.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(q.versions[0].id).toBe(v1.id);
    expect(parseDefinition(q.versions[0].definition)).toEqual({ ok: true, definition: V1 });
    expect(q.versions[0].authorId).toBe(owner.id);

    const detail = await getQuestion(owner, courseId, questionId);
    expect(detail.definition).toEqual(V2);
    expect(detail.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(detail.editable).toBe(true);
  });

  it("refuses a second question with the same slug in the course", async () => {
    expect(await refused(() => saveQuestion(owner, courseId, null, V2))).toBe("conflict");
  });

  it("lets a TA read everything and change nothing", async () => {
    const list = await listQuestions(ta, courseId);
    expect(list.course.map((q) => q.id)).toEqual([questionId]);
    expect(list.bank.length).toBe(3);
    expect((await getQuestion(ta, courseId, questionId)).editable).toBe(false);
    expect(await refused(() => saveQuestion(ta, courseId, questionId, V1))).toBe("forbidden");
    expect(await refused(() => saveQuestion(ta, courseId, null, definition("print({{n}})\n", "ta-made")))).toBe("forbidden");
    expect(await refused(() => setArchived(ta, courseId, questionId, true))).toBe("forbidden");
    expect(await refused(() => importDefinitions(ta, courseId, [V1]))).toBe("forbidden");
    expect(await db.prisma.questionVersion.count({ where: { questionId } })).toBe(2);
  });

  it("shows a student and another course's instructor nothing", async () => {
    for (const who of [student, stranger]) {
      expect(await refused(() => listQuestions(who, courseId))).toBe("forbidden");
      expect(await refused(() => getQuestion(who, courseId, questionId))).toBe("forbidden");
      expect(await refused(() => saveQuestion(who, courseId, questionId, V1))).toBe("forbidden");
      expect(await refused(() => exportCourse(who, courseId))).toBe("forbidden");
    }
    // Through their own course, another course's question is not there at all.
    expect(await refused(() => getQuestion(stranger, otherCourseId, questionId))).toBe("not_found");
    expect(await refused(() => saveQuestion(stranger, otherCourseId, questionId, V1))).toBe("not_found");
    expect(await refused(() => listQuestions(owner, "no-such-course"))).toBe("not_found");
  });

  it("keeps the shared bank read-only", async () => {
    const bank = (await listQuestions(owner, courseId)).bank[0];
    const q = await getQuestion(owner, courseId, bank.id);
    expect(q.editable).toBe(false);
    expect(await refused(() => saveQuestion(owner, courseId, bank.id, q.definition))).toBe("forbidden");
  });

  it("archives and restores", async () => {
    await setArchived(owner, courseId, questionId, true);
    expect((await listQuestions(owner, courseId)).course[0].archived).toBe(true);
    await setArchived(owner, courseId, questionId, false);
    expect((await listQuestions(owner, courseId)).course[0].archived).toBe(false);
  });

  it("exports a course and imports it elsewhere: created, then unchanged, then versioned only where changed", async () => {
    await saveQuestion(owner, courseId, null, definition("x = {{n}}\nprint(x)\n", "print-n"));
    const files = await exportCourse(owner, courseId);
    expect(files.map((f) => f.path)).toEqual(["names-references-objects/alias-len.json", "names-references-objects/print-n.json"]);
    const parsed = parseImport(files);
    expect(parsed.errors).toEqual([]);
    const defs = parsed.definitions.map((d) => d.definition);
    expect(await importDefinitions(stranger, otherCourseId, defs)).toEqual({ created: ["alias-len", "print-n"], versioned: [], unchanged: [] });
    expect(await importDefinitions(stranger, otherCourseId, defs)).toEqual({ created: [], versioned: [], unchanged: ["alias-len", "print-n"] });
    const changed = defs.map((d) => (d.slug === "print-n" ? { ...d, code: "x = {{n}}\nprint(x * 2)\n" } : d));
    expect(await importDefinitions(stranger, otherCourseId, changed)).toEqual({ created: [], versioned: ["print-n"], unchanged: ["alias-len"] });
    // The round trip is exact: the other course exports the same files, but for the change.
    const again = await exportCourse(stranger, otherCourseId);
    expect(again.find((f) => f.path.endsWith("alias-len.json"))?.text).toBe(files[0].text);
    const both = await db.prisma.question.findMany({ where: { courseId: otherCourseId }, orderBy: { slug: "asc" } });
    expect(both.map((q) => [q.slug, q.currentVersion])).toEqual([["alias-len", 1], ["print-n", 2]]);
  });
});

// Real CPython 3.14 (Pyodide, wasm32) in the service's worker thread. Pyodide is a runtime
// dependency, so this never skips: a missing install fails here rather than passing unseen.
describe("Pyodide cross-check", () => {
  afterAll(() => pyodide().stop());

  function def(code: string): QuestionDefinition {
    const r = parseDefinition({ slug: "x", title: "Refcounts", mechanism: "refcount", prompt: "What is printed?", code, params: { n: { int: [1, 5] } }, answer: { kind: "integer", line: 0 } });
    if (!r.ok) throw new Error(r.errors.join("; "));
    return r.definition;
  }

  it("agrees on the key, and explains the lines where wasm32 differs from 64-bit", async () => {
    const r = await crossCheck(def("import sys\na = [{{n}}]\nb = a\nprint(sys.getrefcount(a) - 1)\nprint(sys.getrefcount(None))\nprint(sys.getsizeof(a))\n"), 0, 60_000);
    if (!r.ok) throw new Error(r.error);
    expect(r.pythonVersion).toMatch(/^3\.14\./);
    expect(r.pointerSize).toBe(4);
    expect(r.key).toEqual({ simulator: "2", pyodide: "2", agree: true });
    expect(r.lines[0]).toMatchObject({ agree: true, note: null });
    expect(r.lines[1]).toMatchObject({ agree: false, simulator: "3221225472" });
    expect(r.lines[1].note).toMatch(/immortal/);
    expect(r.lines[2].agree).toBe(false);
    expect(r.lines[2].note).toMatch(/wasm32/);
    expect(r.agree).toBe(false);
  });

  it("is loaded once and reused: a second check is fast", async () => {
    const started = performance.now();
    const r = await crossCheck(def("x = [{{n}}]\ny = x\nprint(len(y) + {{n}})\n"), 3);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(r.ok && r.agree).toBe(true);
  });

  it("ends an endless program at the timeout, and the next check still works", async () => {
    const r = await crossCheck(def("x = {{n}}\nwhile True:\n    x += 1\n"), 0, 1_500);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.error).toMatch(/longer than 1.5 s/);
    const after = await crossCheck(def("x = [{{n}}]\nprint(len(x))\n"), 1, 60_000);
    expect(after.ok && after.agree).toBe(true);
  });
});
