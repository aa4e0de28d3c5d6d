// The demo's data, created by `npm run demo` in an empty database: the question bank, one course,
// an instructor, four students, a published homework and a timed quiz over bank questions, and
// some graded attempts, so every page has something to show. Production seeds nothing.
//
// The attempts go through the real submission path (lib/attempts), so the demo shows exactly what
// students produce: variants from their seeds, keys from the simulator, misconceptions detected.
// That path uses the shared client, so the seed does too: set DATABASE_URL first.
//
// Passwords are random per data folder and kept beside the database in `<data dir>/demo-credentials.json`
// (git-ignored, 0600), so the terminal can print them again at every start.
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Caller } from "../auth/caller";
import { hashPassword } from "../auth/password";
import { syncBank } from "../bank/sync";
import { submitAttempt } from "../attempts/submit";
import { currentVariantRow, pythonOf } from "../attempts/variants";
import { definitionOf, keyFor, variantOf } from "../attempts/keys";
import { getSimulator } from "../attempts/simulator";
import { loadStudentAssessment, slotOf } from "../assessments/access";
import type { KeyAnswer } from "../grading/key";
import { generateJoinCode } from "../courses/join-code";
import { getPrisma } from "./client";

export const DEMO_COURSE_TITLE = "SC1007 Memory management in Python";

const credentialSchema = z.object({ email: z.email(), password: z.string().min(8), role: z.enum(["INSTRUCTOR", "STUDENT"]), name: z.string() });
const credentialsFile = z.object({ joinCode: z.string(), accounts: z.array(credentialSchema) });
export type DemoCredentials = z.infer<typeof credentialsFile>;

const PEOPLE = [
  { email: "instructor@heapwise.test", name: "Dr Grace Hopper", role: "INSTRUCTOR" },
  { email: "ada@heapwise.test", name: "Ada Lovelace", role: "STUDENT" },
  { email: "alan@heapwise.test", name: "Alan Turing", role: "STUDENT" },
  { email: "barbara@heapwise.test", name: "Barbara Liskov", role: "STUDENT" },
  { email: "guido@heapwise.test", name: "Guido van Rossum", role: "STUDENT" },
] as const;

// Bank questions (content/questions/<mechanism>/<slug>.json) in each assessment.
const HOMEWORK = ["getrefcount-minus-one", "int-iadd-is", "collect-two-node-cycle", "repl-string-literals", "names-diagram", "del-with-holder"];
const QUIZ = ["self-referencing-list", "threshold-values", "collect-after-disable"];

// Who answered what on the homework: [student index in PEOPLE, slug, right or wrong].
const ATTEMPTS: [number, string, boolean][] = [
  [1, "getrefcount-minus-one", false],
  [1, "getrefcount-minus-one", true],
  [1, "int-iadd-is", true],
  [1, "collect-two-node-cycle", true],
  [2, "getrefcount-minus-one", false],
  [2, "int-iadd-is", false],
  [2, "repl-string-literals", true],
  [3, "collect-two-node-cycle", false],
  [3, "collect-two-node-cycle", true],
];

/** The answer a student who is right (or off by the most common slip) would give. */
function answerFor(key: KeyAnswer, right: boolean): KeyAnswer {
  if (right) return key;
  if (key.kind === "integer") return { kind: "integer", value: key.value + 1 };
  if (key.kind === "boolean") return { kind: "boolean", value: !key.value };
  throw new Error(`the demo seed answers only integer and boolean questions, not ${key.kind}`);
}

export function credentialsPath(dataDir: string): string {
  return path.join(dataDir, "demo-credentials.json");
}

export function readDemoCredentials(dataDir: string): DemoCredentials | null {
  const file = credentialsPath(dataDir);
  if (!existsSync(file)) return null;
  const parsed = credentialsFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
  return parsed.success ? parsed.data : null;
}

/** Seeds the demo if the database has no users yet. Returns null if it already had some. */
export async function seedDemo(dataDir: string): Promise<DemoCredentials | null> {
  const prisma = getPrisma();
  if ((await prisma.user.count()) > 0) return null;
  await syncBank(prisma);
  const accounts = PEOPLE.map((person) => ({ ...person, password: randomBytes(9).toString("base64url") }));
  const hashes = await Promise.all(accounts.map((account) => hashPassword(account.password)));
  const joinCode = generateJoinCode();
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const bank = new Map((await prisma.question.findMany({ where: { courseId: null }, select: { id: true, slug: true } })).map((q) => [q.slug, q.id]));
  const questionId = (slug: string): string => {
    const id = bank.get(slug);
    if (!id) throw new Error(`the demo needs the bank question "${slug}", which content/questions lacks`);
    return id;
  };

  const { users, homeworkId } = await prisma.$transaction(async (tx) => {
    const users = [];
    for (const [i, account] of accounts.entries()) {
      users.push(await tx.user.create({ data: { email: account.email, name: account.name, role: account.role, passwordHash: hashes[i] } }));
    }
    const course = await tx.course.create({ data: { title: DEMO_COURSE_TITLE, ownerId: users[0].id, joinCode } });
    await tx.enrolment.createMany({
      data: users.map((user) => ({ courseId: course.id, userId: user.id, role: user.role === "INSTRUCTOR" ? ("INSTRUCTOR" as const) : ("STUDENT" as const) })),
    });
    const homework = await tx.assessment.create({
      data: {
        courseId: course.id, title: "Week 1: names, references and reference counts", kind: "HOMEWORK",
        opensAt: new Date(now - day), closesAt: new Date(now + 14 * day), publishedAt: new Date(now - day),
        scorePolicy: "BEST", releasePolicy: "IMMEDIATELY",
      },
    });
    const quiz = await tx.assessment.create({
      data: {
        courseId: course.id, title: "Quiz 1: the cyclic collector", kind: "QUIZ",
        opensAt: new Date(now - day), closesAt: new Date(now + 7 * day), publishedAt: new Date(now - day),
        timeLimitMinutes: 20, maxAttempts: 1, releasePolicy: "AFTER_CLOSE",
      },
    });
    for (const [assessmentId, slugs] of [[homework.id, HOMEWORK], [quiz.id, QUIZ]] as const) {
      for (const [i, slug] of slugs.entries()) {
        await tx.assessmentQuestion.create({ data: { assessmentId, questionId: questionId(slug), position: i + 1, points: 1 } });
      }
    }
    return { users, homeworkId: homework.id };
  }, { timeout: 30_000 });

  for (const [who, slug, right] of ATTEMPTS) {
    const user = users[who];
    const caller: Caller = { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
    // The key of the variant this student is shown, as the grader computes it.
    const loaded = await loadStudentAssessment(caller, homeworkId, new Date());
    const row = await currentVariantRow(user.id, loaded, slotOf(loaded, questionId(slug)));
    const definition = definitionOf(row.questionVersion);
    const key = keyFor(getSimulator(), row.questionVersionId, definition, variantOf(definition, row.seed), pythonOf(loaded.assessment));
    if (!key.ok) throw new Error(`demo question ${slug} is not gradable: ${key.error.message}`);
    await submitAttempt(caller, { assessmentId: homeworkId, questionId: questionId(slug), answer: answerFor(key.key.answer, right), idempotencyKey: randomUUID() });
  }

  const credentials: DemoCredentials = { joinCode, accounts: accounts.map(({ email, password, role, name }) => ({ email, password, role, name })) };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(credentialsPath(dataDir), `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}
