// The route-handler wrapper: every API handler runs in the same order, so none can forget a
// step: who is calling → zod parse of params and body (malformed JSON is a 400, not a 500) →
// the handler → any error mapped to the JSON vocabulary of ./errors.ts.
import { z } from "zod";
import { type Caller, callerFromToken, loadCaller } from "@/lib/auth/caller";
import { requireRole, requireUser } from "@/lib/auth/guards";
import type { Role } from "@/lib/auth/roles";
import { bearerToken } from "@/lib/auth/tokens";
import { HttpError, invalid } from "./errors";
import { errorResponse } from "./respond";

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
};

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw invalid("The request body is not valid JSON.");
  }
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
      const caller = await who(options.auth, req);
      const params = options.params ? parseOrThrow(options.params, await context.params) : undefined;
      const body = options.body ? parseOrThrow(options.body, await readJson(req)) : undefined;
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
