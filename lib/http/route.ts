// The route-handler wrapper: every API handler runs in the same order, so none can forget a
// step: who is calling → text check and zod parse of params → the caller's right to them (`access`) → zod parse
// of the body (malformed JSON is a 400, not a 500) → the handler → any error mapped to the JSON
// vocabulary of ./errors.ts. Before all of it, a state-changing request authenticated by the
// cookie must come from our own pages (CSRF), and a body is capped in size and refused when it
// holds text that cannot be stored (NUL, lone surrogates).
import { z } from "zod";
import { type Caller, callerFromToken, loadCaller } from "@/lib/auth/caller";
import { requireRole, requireUser } from "@/lib/auth/guards";
import type { Role } from "@/lib/auth/roles";
import { bearerToken } from "@/lib/auth/tokens";
import { crossSiteProblem } from "@/lib/security/origin";
import { textProblem } from "@/lib/security/text";
import { HttpError, invalid } from "./errors";
import { jsonFromBytes, MAX_BODY_BYTES, tooLarge } from "./json-body";
import { errorResponse } from "./respond";

export { MAX_BODY_BYTES };

/** "public": anyone, caller may be null; "user": signed in; a Role: that role or above. */
export type AuthSpec = "public" | "user" | Role;

type CallerFor<A extends AuthSpec> = A extends "public" ? Caller | null : Caller;

export type RouteContext<A extends AuthSpec, B, P> = {
  req: Request;
  caller: CallerFor<A>;
  body: B;
  params: P;
};

type Options<A extends AuthSpec, BS extends z.ZodType | undefined, PS extends z.ZodType | undefined> = {
  auth: A;
  body?: BS;
  params?: PS;
  /** Cap on the body in bytes (default MAX_BODY_BYTES); over it the answer is 413. */
  maxBodyBytes?: number;
  /**
   * A check of the caller against the params (a course role), run before the body is read: a
   * caller without the right gets 403, never a 400 that teaches them the body's schema.
   */
  access?: (ctx: { caller: CallerFor<A>; params: Out<PS> }) => Promise<unknown>;
};

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

// Reads at most `limit` bytes: a declared length over it is refused before reading, and a body
// that streams past it (no or a false Content-Length) is cut off, so a huge body never sits in memory.
async function readJson(req: Request, limit: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!req.body) return {};
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return jsonFromBytes(Buffer.concat(chunks));
}

async function who<A extends AuthSpec>(auth: A, req: Request): Promise<CallerFor<A>> {
  // The token is read from the request itself, so a handler can be called (and tested) as a
  // plain function of a Request; without one, loadCaller() reads the session cookie.
  const token = bearerToken(req.headers.get("authorization"));
  const caller = token ? await callerFromToken(token) : await loadCaller();
  // The conditional type cannot narrow on `auth`; each branch returns what its spec promises.
  if (auth === "public") return caller as CallerFor<A>;
  if (auth === "user") return (await requireUser(caller)) as CallerFor<A>;
  return (await requireRole(auth as Role, caller)) as CallerFor<A>;
}

export function route<A extends AuthSpec, BS extends z.ZodType | undefined = undefined, PS extends z.ZodType | undefined = undefined>(
  options: Options<A, BS, PS>,
  handler: (ctx: RouteContext<A, Out<BS>, Out<PS>>) => Promise<Response | object>,
): (req: Request, context: { params: Promise<unknown> }) => Promise<Response> {
  return async (req, context) => {
    try {
      // A cookie rides along on cross-site requests; a bearer token never does.
      if (!bearerToken(req.headers.get("authorization"))) {
        const problem = crossSiteProblem(req);
        if (problem) throw new HttpError("forbidden", problem);
      }
      const caller = await who(options.auth, req);
      const raw = await context.params;
      // A path segment is text too: "%00" decodes to a NUL that PostgreSQL would refuse with a 500.
      const problem = textProblem(raw);
      if (problem) throw invalid(problem);
      const params = options.params ? parseOrThrow(options.params, raw) : undefined;
      if (options.access) await options.access({ caller, params: params as Out<PS> });
      const body = options.body ? parseOrThrow(options.body, await readJson(req, options.maxBodyBytes ?? MAX_BODY_BYTES)) : undefined;
      const result = await handler({ req, caller, body: body as Out<BS>, params: params as Out<PS> });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

export { HttpError };
