// No answer key leaks before its release. For assessments under each release policy, a student's
// every page (HTML, and the React Server Component payload asked for with `RSC: 1`), every JSON
// answer of the API (including the answer to their own submission) and every client bundle as
// served are searched for the key of that student's variant, computed here with lib/grading from
// the seed the server stored, in every form it could take on the wire (plain, JSON-escaped,
// HTML-escaped, and JSON inside the HTML's RSC script). Two controls keep the search honest: a key
// planted in an assessment title must be found in the HTML, the RSC payload and the JSON, and
// once IMMEDIATELY releases feedback the real key must be found where the student now sees it.
import { readdirSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { libSim } from "../../lib/attempts/simulator";
import { computeKeyWith } from "../../lib/grading";
import type { PythonVersion } from "../../lib/questions/mechanisms";
import { parseDefinition } from "../../lib/questions/schema";
import { makeVariant } from "../../lib/questions/variant";
import { buildFixture, type Fixture, hasPostgres, NEEDS_POSTGRES, PASSWORD, signInOverHttp } from "../security/fixture";
import { NEXT_DIR } from "../security/routes";

test.describe.configure({ mode: "serial" });
test.skip(!hasPostgres, NEEDS_POSTGRES);

const SLUGS = ["alias-append", "shallow-copy-output", "count-shared-ints"];

let fx: Fixture;
test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  fx = await buildFixture(baseURL ?? "");
});
test.afterAll(async () => fx?.dispose());

type Policy = "IMMEDIATELY" | "AFTER_SUBMISSION" | "AFTER_CLOSE";

/** A fresh student in course A, and an open assessment of the bank questions under `policy`. */
async function setUp(policy: Policy, kind: "HOMEWORK" | "QUIZ") {
  const student = await fx.newUser({ courseId: fx.courseA.id, role: "STUDENT" });
  const now = Date.now();
  const assessment = await fx.prisma.assessment.create({
    data: { courseId: fx.courseA.id, title: `Leak ${policy} ${fx.tag}`, kind, opensAt: new Date(now - 3_600_000), closesAt: new Date(now + 86_400_000), timeLimitMinutes: kind === "QUIZ" ? 30 : null, releasePolicy: policy, publishedAt: new Date(now - 3_600_000) },
  });
  const questions: { id: string }[] = [];
  for (const [i, slug] of SLUGS.entries()) {
    const q = await fx.prisma.question.findFirstOrThrow({ where: { courseId: null, slug: { endsWith: slug } } });
    await fx.prisma.assessmentQuestion.create({ data: { assessmentId: assessment.id, questionId: q.id, position: i + 1, points: 1 } });
    questions.push({ id: q.id });
  }
  const ctx = await signInOverHttp(fx.baseURL, student.email, PASSWORD);
  return { student, assessment, questions, ctx };
}

/** The ways a text can appear on the wire. */
function wireForms(text: string): string[] {
  const json = (s: string) => JSON.stringify(s).slice(1, -1);
  const html = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  return [...new Set([text, json(text), html(text), json(json(text)), html(json(text))])];
}

/** The secrets of the student's current variants: each key's answer, and its explanation. */
async function secretsOf(userId: string, assessmentId: string): Promise<{ label: string; forms: string[] }[]> {
  const variants = await fx.prisma.variant.findMany({ where: { userId, assessmentQuestion: { assessmentId } }, include: { questionVersion: true, question: { select: { slug: true } } } });
  expect(variants.length, "the student has been issued variants").toBe(SLUGS.length);
  const secrets: { label: string; forms: string[] }[] = [];
  for (const v of variants) {
    const parsed = parseDefinition(v.questionVersion.definition);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const key = computeKeyWith(libSim, parsed.definition, makeVariant(parsed.definition, v.seed), v.pythonVersion as PythonVersion);
    if (!key.ok) throw new Error(key.error.message);
    const answer = key.key.answer;
    secrets.push({ label: `${v.question.slug}: key ${JSON.stringify(answer)}`, forms: wireForms(JSON.stringify(answer)) });
    // The printed output is the simulator's result itself; short ones ("3") would match anything.
    if (answer.kind === "output" && answer.value.length >= 6) secrets.push({ label: `${v.question.slug}: output`, forms: wireForms(answer.value) });
    const why = key.key.moment?.why;
    if (why && why.length >= 25) secrets.push({ label: `${v.question.slug}: explanation`, forms: wireForms(why) });
  }
  return secrets;
}

type Fetched = { what: string; text: string };

/** Every student page (HTML and RSC) and every JSON answer of the API for this assessment. */
async function fetchAll(ctx: APIRequestContext, assessmentId: string, questionIds: string[]): Promise<Fetched[]> {
  const pages = ["/dashboard", "/courses", `/courses/${fx.courseA.id}`, "/assessments", "/assessments/progress", `/assessments/${assessmentId}`, `/assessments/${assessmentId}/results`, ...questionIds.map((q) => `/assessments/${assessmentId}/questions/${q}`)];
  const apis = ["/api/assessments", `/api/assessments/${assessmentId}`, `/api/attempts?assessmentId=${assessmentId}`, "/api/attempts", ...questionIds.map((q) => `/api/assessments/${assessmentId}/questions/${q}/variant`)];
  const out: Fetched[] = [];
  for (const url of pages) {
    const html = await ctx.get(url);
    expect(html.status(), url).toBe(200);
    out.push({ what: `HTML ${url}`, text: await html.text() });
    const rsc = await ctx.get(url, { headers: { rsc: "1" } });
    expect(rsc.headers()["content-type"], `RSC ${url}`).toMatch(/text\/x-component/);
    out.push({ what: `RSC ${url}`, text: await rsc.text() });
  }
  for (const url of apis) {
    const res = await ctx.get(url);
    expect(res.status(), url).toBe(200);
    out.push({ what: `JSON ${url}`, text: await res.text() });
  }
  return out;
}

function leaks(fetched: Fetched[], secrets: { label: string; forms: string[] }[]): string[] {
  const found: string[] = [];
  for (const f of fetched) for (const s of secrets) if (s.forms.some((form) => f.text.includes(form))) found.push(`${s.label} in ${f.what}`);
  return found;
}

async function submitWrong(ctx: APIRequestContext, userId: string, assessmentId: string, questionIds: string[]): Promise<Fetched[]> {
  const out: Fetched[] = [];
  for (const questionId of questionIds) {
    const variant = await fx.prisma.variant.findFirstOrThrow({ where: { userId, questionId, assessmentQuestion: { assessmentId } }, include: { questionVersion: true } });
    const parsed = parseDefinition(variant.questionVersion.definition);
    if (!parsed.ok) throw new Error("bad definition");
    const kind = parsed.definition.answer.kind;
    const answer = kind === "output" ? { kind, value: "certainly not the output" } : kind === "integer" ? { kind, value: -987654 } : null;
    if (!answer) throw new Error(`add a wrong answer for kind ${kind}`);
    const res = await ctx.post("/api/attempts", { data: { assessmentId, questionId, answer, idempotencyKey: `leak-${questionId}-${Date.now()}` }, headers: { origin: fx.baseURL } });
    expect(res.status(), await res.text()).toBe(200);
    out.push({ what: `JSON POST /api/attempts (${questionId})`, text: await res.text() });
  }
  return out;
}

test("the search finds a key planted in a title, in HTML, RSC and JSON (the control)", async () => {
  const { student, assessment, questions, ctx } = await setUp("AFTER_CLOSE", "HOMEWORK");
  await fetchAll(ctx, assessment.id, questions.map((q) => q.id)); // issues the variants
  const secrets = await secretsOf(student.id, assessment.id);
  const planted = secrets[0];
  const raw = planted.forms[0];
  await fx.prisma.assessment.update({ where: { id: assessment.id }, data: { title: `Planted ${raw}` } });
  const fetched = await fetchAll(ctx, assessment.id, questions.map((q) => q.id));
  const where = leaks(fetched, [planted]).map((l) => l.split(" in ")[1].split(" ")[0]);
  expect(new Set(where)).toEqual(new Set(["HTML", "RSC", "JSON"]));
  await ctx.dispose();
});

for (const [policy, kind] of [["IMMEDIATELY", "HOMEWORK"], ["AFTER_SUBMISSION", "QUIZ"], ["AFTER_CLOSE", "QUIZ"], ["AFTER_CLOSE", "HOMEWORK"]] as const) {
  test(`${policy} ${kind.toLowerCase()}: no key before it is released`, async () => {
    test.setTimeout(180_000);
    const { student, assessment, questions, ctx } = await setUp(policy, kind);
    const ids = questions.map((q) => q.id);
    if (kind === "QUIZ") expect((await ctx.post(`/api/assessments/${assessment.id}/start`, { headers: { origin: fx.baseURL } })).status()).toBe(201);
    const before = await fetchAll(ctx, assessment.id, ids);
    const secrets = await secretsOf(student.id, assessment.id);
    expect(secrets.length).toBeGreaterThanOrEqual(SLUGS.length + 2);
    expect(leaks(before, secrets), "before any attempt").toEqual([]);

    const answers = await submitWrong(ctx, student.id, assessment.id, ids);
    const after = [...answers, ...(await fetchAll(ctx, assessment.id, ids))];
    if (policy === "IMMEDIATELY") {
      // Released at once: the feedback now shows the right answer, and the search finds it there.
      expect(leaks(after, secrets).length, "released keys are found (the search works on real feedback)").toBeGreaterThan(0);
      return;
    }
    expect(leaks(after, secrets), "after a wrong attempt, before release").toEqual([]);
    if (kind === "QUIZ") {
      const finish = await ctx.post(`/api/assessments/${assessment.id}/finish`, { headers: { origin: fx.baseURL } });
      expect(finish.status()).toBe(200);
      const handedIn = await fetchAll(ctx, assessment.id, ids);
      if (policy === "AFTER_CLOSE") expect(leaks(handedIn, secrets), "handed in, before the close date").toEqual([]);
      else expect(leaks(handedIn, secrets).length, "AFTER_SUBMISSION releases on hand-in").toBeGreaterThan(0);
    }
    await ctx.dispose();
  });
}

test("no client bundle holds a key, an output or an explanation of any variant issued", async ({ request }) => {
  test.setTimeout(180_000);
  const variants = await fx.prisma.variant.findMany({ where: { user: { email: { endsWith: `-${fx.tag}@matrix.test` } } }, select: { userId: true, assessmentQuestion: { select: { assessmentId: true } } } });
  const pairs = [...new Set(variants.filter((v) => v.assessmentQuestion).map((v) => `${v.userId} ${v.assessmentQuestion?.assessmentId}`))];
  const secrets = (await Promise.all(pairs.map((p) => p.split(" ")).map(([u, a]) => secretsOf(u, a).catch(() => [])))).flat();
  expect(secrets.length).toBeGreaterThan(0);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(".js")) files.push(path.relative(path.join(NEXT_DIR, "static"), full).split(path.sep).join("/"));
    }
  };
  walk(path.join(NEXT_DIR, "static"));
  expect(files.length).toBeGreaterThan(5);
  const fetched: Fetched[] = [];
  let control = false;
  for (const file of files) {
    const res = await request.get(`/_next/static/${file}`);
    expect(res.status(), file).toBe(200);
    const text = await res.text();
    // The control: the sign-in form's own words are in some bundle, so fetching and searching work.
    if (text.includes("Signing in failed")) control = true;
    fetched.push({ what: `bundle ${file}`, text });
  }
  expect(control, "a known client string is found in the bundles").toBe(true);
  expect(leaks(fetched, secrets)).toEqual([]);
});
