import { listMyAttempts } from "@/lib/attempts/list";
import { listAttemptsQuerySchema, submitAttemptSchema } from "@/lib/attempts/schema";
import { submitAttempt } from "@/lib/attempts/submit";
import { invalid } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

const noStore = { "cache-control": "no-store" };

/**
 * Submits one answer. A retry with the same idempotencyKey returns the stored result with the
 * same status and body; the `idempotent-replayed` header tells the two apart for scripts.
 */
export const POST = route({ auth: "user", body: submitAttemptSchema }, async ({ caller, body }) => {
  const { replayed, ...result } = await submitAttempt(caller, body);
  return Response.json(result, { status: 200, headers: { ...noStore, "idempotent-replayed": String(replayed) } });
});

/** The caller's own attempts, newest first; `?assessmentId=` narrows, `?limit=` caps (≤ 500). */
export const GET = route({ auth: "user" }, async ({ caller, req }) => {
  const query = listAttemptsQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw invalid(query.error);
  return Response.json({ attempts: await listMyAttempts(caller, query.data) }, { headers: noStore });
});
