// Turns anything thrown into the JSON answer of ./errors.ts, logging what the client is not told.
import { classifyDatabaseError } from "@/lib/db/errors";
import { type ErrorBody, toErrorBody } from "./errors";

/** The status and body for a thrown value; 500s and 503s are logged with their detail. */
export function errorAnswer(error: unknown): { status: number; body: ErrorBody } {
  const answer = toErrorBody(error, classifyDatabaseError);
  // 500s are bugs and 503s outages: operators need the detail the client must not see.
  if (answer.status >= 500) console.error(`[heapwise] ${answer.status} ${answer.body.error}:`, error);
  return answer;
}

export function errorResponse(error: unknown): Response {
  const { status, body } = errorAnswer(error);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
