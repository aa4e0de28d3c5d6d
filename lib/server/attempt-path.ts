// The direct path for POST /api/attempts with a Bearer token. The production server calls the
// route's own POST (app/api/attempts/route.ts, as compiled into .next: the very module instance
// Next serves, so the same rate limiter, caches and pool) without Next's router, render pipeline
// and response streaming, which took most of a submission's CPU (bench:load profile). Everything
// the route does stays the route's: auth, body cap (413), zod (400), per-user rate limit (429),
// idempotency, limits and windows, 503 on an outage. Requests with a session cookie go through
// Next: the cookie needs next-auth's request context there, and the CSRF check is the route's.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { bearerToken } from "@/lib/auth/tokens";
import { errorResponse } from "@/lib/http/respond";

const PATH = "/api/attempts";
const noParams = { params: Promise.resolve({}) };

export type RouteHandler = (req: Request, context: { params: Promise<unknown> }) => Promise<Response>;

type CompiledRoute = { routeModule?: { ensureUserland?: () => Promise<void>; userland?: Record<string, unknown> } };

/** The build's POST of /api/attempts (Next's route module API: ensureUserland(), userland). */
export async function loadAttemptHandler(dir: string): Promise<RouteHandler> {
  const require = createRequire(import.meta.url);
  const file = path.join(dir, ".next", "server", "app", "api", "attempts", "route.js");
  const compiled = require(file) as CompiledRoute;
  await compiled.routeModule?.ensureUserland?.();
  const post = compiled.routeModule?.userland?.POST;
  if (typeof post !== "function") throw new Error(`${file} has no route module with a POST handler: is the build from this version of the app?`);
  return post as RouteHandler;
}

export function isDirectAttempt(req: IncomingMessage): boolean {
  if (req.method !== "POST") return false;
  const url = req.url ?? "";
  const q = url.indexOf("?");
  if ((q < 0 ? url : url.slice(0, q)) !== PATH) return false;
  return bearerToken(req.headers.authorization) !== null;
}

function toRequest(req: IncomingMessage): Request {
  // From req.headers, where ./client-address.ts settled the forwarded address.
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(`http://localhost${req.url ?? PATH}`, { method: "POST", headers, body: bodyOf(req), duplex: "half" } as RequestInit);
}

/**
 * The request body as a web stream, read as the handler pulls. Not Readable.toWeb: its cancel
 * (the handler stops reading a body over the cap) destroys the socket before the 413 is written,
 * and the client sees a reset. Here a cancel discards the rest of the body as plain Node does
 * with an unread one, and the answer goes out on a live connection.
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  // Once cancelled, closed or failed, the controller must not be touched again (it would throw
  // from an event listener, i.e. take the process down).
  let open = true;
  const onData = (controller: ReadableStreamDefaultController<Uint8Array>) => (chunk: Buffer) => {
    if (!open) return;
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", onData(controller));
      req.once("end", () => {
        if (open) controller.close();
        open = false;
      });
      req.on("error", (error) => {
        if (open) controller.error(error);
        open = false;
      });
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      open = false;
      req.resume();
    },
  });
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response, baseline: [string, string][]): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  for (const [name, value] of baseline) res.setHeader(name, value);
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.setHeader("content-length", body.byteLength);
  // Answered before the body was read to its end (413): Node will not keep this connection, so
  // say so, or the client reuses it for its next request and gets a reset.
  if (!req.complete) res.setHeader("connection", "close");
  res.end(body);
}

export async function serveDirectAttempt(handler: RouteHandler, req: IncomingMessage, res: ServerResponse, baseline: [string, string][]): Promise<void> {
  let response: Response;
  try {
    response = await handler(toRequest(req), noParams);
  } catch (error) {
    // route() answers every error itself; this is a fault of the conversion, never a stack to the client.
    response = errorResponse(error);
  }
  try {
    await send(req, res, response, baseline);
  } catch (error) {
    console.error("[heapwise] could not write an attempt response:", error);
    res.destroy();
  }
}
