// Turns anything thrown into the JSON answer of ./errors.ts, logging what the client is not told.
import { classifyDatabaseError } from "@/lib/db/errors";
import { toErrorBody } from "./errors";

export function errorResponse(error: unknown): Response {
  const { status, body } = toErrorBody(error, classifyDatabaseError);
  // 500s are bugs and 503s outages: operators need the detail the client must not see.
  if (status >= 500) console.error(`[heapwise] ${status} ${body.error}:`, error);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
