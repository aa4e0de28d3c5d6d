// The pipeline of ./route.ts for a request that carries a Bearer token and is served without web
// Request and Response objects (lib/server's direct path: converting Node's request to a web
// stream and the answer back cost more CPU than the rest of a submission's HTTP handling). Same
// order, same answers: who is calling (the token alone: a cookie needs Next's request context, and
// such requests go through Next) → the body capped (413), UTF-8, JSON, text check and zod parse
// (400) → the handler → anything thrown mapped by ./errors.ts (503 on an outage, never a stack).
import type { z } from "zod";
import { type Caller, callerFromToken } from "@/lib/auth/caller";
import { requireUser } from "@/lib/auth/guards";
import { bearerToken } from "@/lib/auth/tokens";
import { invalid } from "./errors";
import { jsonFromBytes, MAX_BODY_BYTES, tooLarge } from "./json-body";
import { errorAnswer } from "./respond";

export type PlainRequest = {
  authorization: string | undefined;
  /** The declared Content-Length, when there is one. */
  contentLength: number | undefined;
  /** The whole body, or null when it runs past `limit` bytes (the rest is not kept). */
  readBody: (limit: number) => Promise<Uint8Array | null>;
};

export type PlainAnswer = { status: number; headers: Record<string, string>; body: string };

/** What a handler answers with: a 200 with this JSON and these headers. */
export type PlainResult = { json: unknown; headers?: Record<string, string> };

export type PlainHandler = (req: PlainRequest) => Promise<PlainAnswer>;

const json = { "content-type": "application/json" };

export function plainRoute<S extends z.ZodType>(
  options: { auth: "user"; body: S; maxBodyBytes?: number },
  handler: (ctx: { caller: Caller; body: z.output<S> }) => Promise<PlainResult>,
): PlainHandler {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return async (req) => {
    try {
      const token = bearerToken(req.authorization);
      const caller = await requireUser(token ? await callerFromToken(token) : null);
      if (req.contentLength !== undefined && req.contentLength > limit) throw tooLarge(limit);
      const bytes = await req.readBody(limit);
      if (!bytes) throw tooLarge(limit);
      const parsed = options.body.safeParse(jsonFromBytes(bytes));
      if (!parsed.success) throw invalid(parsed.error);
      const result = await handler({ caller, body: parsed.data });
      return { status: 200, headers: { ...json, ...result.headers }, body: JSON.stringify(result.json) };
    } catch (error) {
      const { status, body } = errorAnswer(error);
      return { status, headers: { ...json, "cache-control": "no-store" }, body: JSON.stringify(body) };
    }
  };
}
