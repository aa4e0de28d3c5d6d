// The demo's data, created by `npm run demo` in an empty database: one course, an instructor,
// four students, two small questions in a published homework, and a few graded attempts, so every
// page has something to show. Production seeds nothing.
//
// Passwords are random per data folder and kept beside the database in `<data dir>/demo-credentials.json`
// (git-ignored, 0600), so the terminal can print them again at every start.
// The question `definition`s are a placeholder shape until the question format lands.
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { hashPassword } from "../auth/password";
import { generateJoinCode } from "../courses/join-code";
import type { PrismaClient } from "./client";

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

const QUESTIONS = [
  {
    slug: "demo-shared-rows",
    title: "Rows that are one list",
    mechanism: "aliasing",
    definition: {
      prompt: "What does this program print?",
      code: "a = [0] * 3\nb = [a] * 2\nb[0][1] = 7\nprint(sum(b[1]))\n",
      answer: { kind: "integer" },
    },
  },
  {
    slug: "demo-append-vs-concat",
    title: "append versus +",
    mechanism: "aliasing",
    definition: {
      prompt: "What does this program print?",
      code: "a = [1, 2, 3]\nb = a\nb.append(4)\na = a + [5]\nprint(len(b))\n",
      answer: { kind: "integer" },
    },
  },
];

// Who answered what: [student index in PEOPLE, question index, answer, correct].
const ATTEMPTS: [number, number, number, boolean][] = [
  [1, 0, 7, true],
  [1, 1, 5, false],
  [1, 1, 4, true],
  [2, 0, 0, false],
  [3, 1, 4, true],
];

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
export async function seedDemo(prisma: PrismaClient, dataDir: string): Promise<DemoCredentials | null> {
  if ((await prisma.user.count()) > 0) return null;
  const accounts = PEOPLE.map((person) => ({ ...person, password: randomBytes(9).toString("base64url") }));
  const hashes = await Promise.all(accounts.map((account) => hashPassword(account.password)));
  const joinCode = generateJoinCode();
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;

  await prisma.$transaction(async (tx) => {
    const users = [];
    for (const [i, account] of accounts.entries()) {
      users.push(await tx.user.create({ data: { email: account.email, name: account.name, role: account.role, passwordHash: hashes[i] } }));
    }
    const instructor = users[0];
    const course = await tx.course.create({ data: { title: DEMO_COURSE_TITLE, ownerId: instructor.id, joinCode } });
    await tx.enrolment.createMany({
      data: users.map((user) => ({ courseId: course.id, userId: user.id, role: user.role === "INSTRUCTOR" ? ("INSTRUCTOR" as const) : ("STUDENT" as const) })),
    });
    const homework = await tx.assessment.create({
      data: {
        courseId: course.id, title: "Week 1: names and objects", kind: "HOMEWORK",
        opensAt: new Date(now - day), closesAt: new Date(now + 14 * day), publishedAt: new Date(now - day),
      },
    });
    const slots = [];
    for (const [position, q] of QUESTIONS.entries()) {
      const question = await tx.question.create({
        data: { slug: q.slug, courseId: course.id, title: q.title, mechanism: q.mechanism, authorId: instructor.id },
      });
      const version = await tx.questionVersion.create({ data: { questionId: question.id, version: 1, definition: q.definition, authorId: instructor.id } });
      const slot = await tx.assessmentQuestion.create({ data: { assessmentId: homework.id, questionId: question.id, position: position + 1 } });
      slots.push({ question, version, slot });
    }
    const tries = new Map<string, number>();
    for (const [who, which, value, correct] of ATTEMPTS) {
      const user = users[who];
      const { question, version, slot } = slots[which];
      const attemptNumber = (tries.get(`${who}:${which}`) ?? 0) + 1;
      tries.set(`${who}:${which}`, attemptNumber);
      const seed = 1000 * who + 10 * which + attemptNumber;
      const variant = await tx.variant.create({
        data: { userId: user.id, questionId: question.id, questionVersionId: version.id, assessmentQuestionId: slot.id, attemptNumber, seed, pythonVersion: "3.12" },
      });
      await tx.attempt.create({
        data: {
          userId: user.id, assessmentId: homework.id, assessmentQuestionId: slot.id, questionId: question.id,
          questionVersionId: version.id, variantId: variant.id, seed, pythonVersion: "3.12",
          answer: { value }, correct, score: correct ? 1 : 0, points: correct ? slot.points : 0,
          feedback: { message: correct ? "Correct." : "Not quite: follow which names refer to the same list." },
          idempotencyKey: randomUUID(),
        },
      });
    }
  }, { timeout: 30_000 });

  const credentials: DemoCredentials = { joinCode, accounts: accounts.map(({ email, password, role, name }) => ({ email, password, role, name })) };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(credentialsPath(dataDir), `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}
