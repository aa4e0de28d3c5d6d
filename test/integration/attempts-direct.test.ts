// The plain handler of POST /api/attempts (what lib/server's direct path calls for Bearer
// requests, lib/http/plain-route.ts) against the route's web handler, on a real database: the
// same status and the same JSON for every answer the route gives (401, 413, 400, 404, 200, a
// replay), and one stored row per idempotency key whichever of the two took it. Also: the
// registry that hands lib/server the handler is visible from a second copy of its module, as the
// compiled route's registration must be to lib/server running from source.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/attempts/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { syncBank } from "@/lib/bank/sync";
import { DIRECT_ATTEMPT, directHandler } from "@/lib/http/direct";
import type { PlainHandler } from "@/lib/http/plain-route";
import { useTestDatabase } from "../support/db";
import { key, makeAssessment, makeCourse, makeUser, questionId } from "./attempts-fixture";

const db = useTestDatabase();
const noParams = { params: Promise.resolve({}) };

type Answer = { status: number; json: unknown; headers: Record<string, string> };

async function viaRoute(authorization: string, body: Uint8Array | string): Promise<Answer> {
  const r = await POST(new Request("http://localhost/api/attempts", { method: "POST", headers: { authorization, "content-type": "application/json" }, body: typeof body === "string" ? body : new Uint8Array(body) }), noParams);
  return { status: r.status, json: await r.json(), headers: Object.fromEntries(r.headers) };
}

async function viaPlain(authorization: string, body: Uint8Array | string, declared = true): Promise<Answer> {
  const handler = directHandler(DIRECT_ATTEMPT) as PlainHandler;
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  let reads = 0;
  const answer = await handler({
    authorization,
    contentLength: declared ? bytes.byteLength : undefined,
    readBody: async (limit) => {
      reads++;
      return bytes.byteLength > limit ? null : bytes;
    },
  });
  expect(reads).toBeLessThanOrEqual(1);
  return { status: answer.status, json: JSON.parse(answer.body), headers: answer.headers };
}

describe.skipIf(db.skip)("the direct handler of POST /api/attempts", () => {
  let token = "";
  let assessmentId = "";
  let qid = "";
  const valid = (k: string, aid = assessmentId) => JSON.stringify({ assessmentId: aid, questionId: qid, answer: { kind: "choice", choice: 0 }, idempotencyKey: k });

  beforeAll(async () => {
    await syncBank(db.prisma);
    const teacher = await makeUser(db.prisma, "teacher", "INSTRUCTOR");
    const student = await makeUser(db.prisma, "direct");
    token = (await createApiToken(student.id, "direct test")).token;
    assessmentId = await makeAssessment(db.prisma, await makeCourse(db.prisma, teacher, [student]), { slugs: ["what-assignment-does"] });
    qid = await questionId(db.prisma, "what-assignment-does");
  });

  it("is registered by the route module, where a second copy of the registry sees it", async () => {
    const handler = directHandler(DIRECT_ATTEMPT);
    expect(typeof handler).toBe("function");
    vi.resetModules();
    const fresh = await import("@/lib/http/direct");
    expect(fresh.directHandler).not.toBe(directHandler);
    expect(fresh.directHandler(DIRECT_ATTEMPT)).toBe(handler);
  });

  it("answers every refusal exactly as the route does", async () => {
    const bearer = `Bearer ${token}`;
    const cases: { label: string; authorization: string; body: string | Uint8Array; status: number }[] = [
      { label: "unknown token", authorization: "Bearer hw_not-a-real-token", body: valid(key()), status: 401 },
      { label: "over the cap", authorization: bearer, body: Buffer.alloc(300 * 1024, 0x20), status: 413 },
      { label: "not UTF-8", authorization: bearer, body: Buffer.from([0x7b, 0xff, 0x7d]), status: 400 },
      { label: "not JSON", authorization: bearer, body: "{not json", status: 400 },
      { label: "NUL in a string", authorization: bearer, body: JSON.stringify({ assessmentId: "a\u0000b" }), status: 400 },
      { label: "empty body", authorization: bearer, body: "", status: 400 },
      { label: "wrong shape", authorization: bearer, body: JSON.stringify({ assessmentId: 7 }), status: 400 },
      { label: "unknown assessment", authorization: bearer, body: valid(key(), "no-such-assessment"), status: 404 },
      { label: "a malformed answer", authorization: bearer, body: JSON.stringify({ assessmentId, questionId: qid, answer: { kind: "choice" }, idempotencyKey: key() }), status: 400 },
    ];
    for (const c of cases) {
      const route = await viaRoute(c.authorization, c.body);
      const plain = await viaPlain(c.authorization, c.body);
      expect(route.status, c.label).toBe(c.status);
      expect(plain, c.label).toEqual({ status: route.status, json: route.json, headers: { "content-type": "application/json", "cache-control": "no-store" } });
      expect(route.headers["cache-control"], c.label).toBe("no-store");
    }
    // A body that runs past the cap without declaring its length is refused too.
    expect((await viaPlain(bearer, Buffer.alloc(300 * 1024, 0x20), false)).status).toBe(413);
  });

  it("stores a submission once, and either way replays it with the same answer", async () => {
    const bearer = `Bearer ${token}`;
    const k1 = key();
    const first = await viaPlain(bearer, valid(k1));
    expect(first.status).toBe(200);
    expect(first.headers).toEqual({ "content-type": "application/json", "cache-control": "no-store", "idempotent-replayed": "false" });
    const replayByRoute = await viaRoute(bearer, valid(k1));
    expect(replayByRoute.headers["idempotent-replayed"]).toBe("true");
    expect(replayByRoute.json).toEqual(first.json);

    const k2 = key();
    const byRoute = await viaRoute(bearer, valid(k2));
    expect(byRoute.status).toBe(200);
    const replayByPlain = await viaPlain(bearer, valid(k2));
    expect(replayByPlain.headers["idempotent-replayed"]).toBe("true");
    expect(replayByPlain.json).toEqual(byRoute.json);

    const rows = await db.prisma.attempt.groupBy({ by: ["idempotencyKey"], where: { idempotencyKey: { in: [k1, k2] } }, _count: true });
    expect(rows.map((r) => r._count).sort()).toEqual([1, 1]);
  });
});
