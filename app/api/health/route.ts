// For load balancers and the load test: 200 when the database answers, 503 with the reason when
// it does not. Never cached: a cached "ok" would hide an outage.
import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const result = await checkDatabase();
  const headers = { "cache-control": "no-store" };
  if (result.ok) return Response.json({ status: "ok", db: "ok" }, { headers });
  return Response.json({ status: "unavailable", db: "down", reason: result.reason }, { status: 503, headers });
}
