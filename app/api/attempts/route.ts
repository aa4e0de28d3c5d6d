import { listMyAttempts } from "@/lib/attempts/list";
import { listAttemptsQuerySchema, type SubmitAttemptInput, submitAttemptSchema } from "@/lib/attempts/schema";
import { submitAttempt } from "@/lib/attempts/submit";
import type { Caller } from "@/lib/auth/caller";
import { DIRECT_ATTEMPT, registerDirect } from "@/lib/http/direct";
import { invalid } from "@/lib/http/errors";
import { type PlainResult, plainRoute } from "@/lib/http/plain-route";
import { route } from "@/lib/http/route";

const noStore = { "cache-control": "no-store" };

/**
 * Submits one answer. A retry with the same idempotencyKey returns the stored result with the
 * same status and body; the `idempotent-replayed` header tells the two apart for scripts.
 */
async function submit({ caller, body }: { caller: Caller; body: SubmitAttemptInput }): Promise<PlainResult> {
  const { replayed, ...result } = await submitAttempt(caller, body);
  return { json: result, headers: { ...noStore, "idempotent-replayed": String(replayed) } };
}

export const POST = route({ auth: "user", body: submitAttemptSchema }, async (ctx) => {
  const { json, headers } = await submit(ctx);
  return Response.json(json, { status: 200, headers });
});

// Bearer-token submissions to the production server skip Next (lib/server/attempt-path.ts) and
// come here: the same submit, in this module's instance (lib/http/direct.ts says why that matters).
registerDirect(DIRECT_ATTEMPT, plainRoute({ auth: "user", body: submitAttemptSchema }, submit));

/** The caller's own attempts, newest first; `?assessmentId=` narrows, `?limit=` caps (≤ 500). */
export const GET = route({ auth: "user" }, async ({ caller, req }) => {
  const query = listAttemptsQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw invalid(query.error);
  return Response.json({ attempts: await listMyAttempts(caller, query.data) }, { headers: noStore });
});
