// The direct path for POST /api/attempts with a Bearer token. The production server calls the
// route's plain handler (app/api/attempts/route.ts registers it, lib/http/plain-route.ts) as
// compiled into .next: the very module instances Next serves, so the same rate limiter, caches and
// pool (lib/http/direct.ts). It skips Next's router, render pipeline and response streaming, and
// web Request/Response objects and streams too: the body is read here as a Buffer, capped, and the
// answer written straight to Node. Everything the route decides stays the route's: auth, body cap
// (413), zod (400), per-user rate limit (429), idempotency, limits and windows, 503 on an outage.
// Requests with a session cookie go through Next: the cookie needs next-auth's request context
// there, and the CSRF check is the route's.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { bearerToken } from "@/lib/auth/tokens";
import { DIRECT_ATTEMPT, directHandler } from "@/lib/http/direct";
import type { PlainAnswer, PlainHandler } from "@/lib/http/plain-route";
import { errorAnswer } from "@/lib/http/respond";

const PATH = "/api/attempts";

type CompiledRoute = { routeModule?: { ensureUserland?: () => Promise<void> } };

/** Loads the build's /api/attempts route module (Next's API: ensureUserland()) and returns the plain handler it registered. */
export async function loadAttemptHandler(dir: string): Promise<PlainHandler> {
  const require = createRequire(import.meta.url);
  const file = path.join(dir, ".next", "server", "app", "api", "attempts", "route.js");
  const compiled = require(file) as CompiledRoute;
  await compiled.routeModule?.ensureUserland?.();
  const handler = directHandler(DIRECT_ATTEMPT);
  if (!handler) throw new Error(`${file} registered no direct handler for ${DIRECT_ATTEMPT}: is the build from this version of the app?`);
  return handler;
}

export function isDirectAttempt(req: IncomingMessage): boolean {
  if (req.method !== "POST") return false;
  const url = req.url ?? "";
  const q = url.indexOf("?");
  if ((q < 0 ? url : url.slice(0, q)) !== PATH) return false;
  return bearerToken(req.headers.authorization) !== null;
}

/**
 * The body, or null once it runs past `limit` (the rest is read and dropped, as Node does with an
 * unread body, so the 413 goes out on a live connection).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.byteLength;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", () => {
      if (!over) resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    });
    req.once("error", reject);
  });
}

function declaredLength(req: IncomingMessage): number | undefined {
  const value = req.headers["content-length"];
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function send(req: IncomingMessage, res: ServerResponse, answer: PlainAnswer, baseline: Record<string, string>): void {
  const body = Buffer.from(answer.body, "utf8");
  const headers: Record<string, string | number> = { ...baseline, ...answer.headers, "content-length": body.byteLength };
  // Answered before the body was read to its end (413, 401): Node will not keep this connection,
  // so say so, or the client reuses it for its next request and gets a reset.
  if (!req.complete) headers.connection = "close";
  res.writeHead(answer.status, headers);
  res.end(body);
}

/** `baseline`: the security headers of every response (./baseline-headers.ts), lower-case names. */
export async function serveDirectAttempt(handler: PlainHandler, req: IncomingMessage, res: ServerResponse, baseline: Record<string, string>): Promise<void> {
  let answer: PlainAnswer;
  try {
    answer = await handler({ authorization: req.headers.authorization, contentLength: declaredLength(req), readBody: (limit) => readBody(req, limit) });
  } catch (error) {
    // The plain handler answers every error itself; this is a fault of the path, never a stack to the client.
    const { status, body } = errorAnswer(error);
    answer = { status, headers: { "content-type": "application/json", "cache-control": "no-store" }, body: JSON.stringify(body) };
  }
  try {
    send(req, res, answer, baseline);
  } catch (error) {
    console.error("[heapwise] could not write an attempt response:", error);
    res.destroy();
  }
}
