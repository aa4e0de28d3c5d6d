// Plain handlers that lib/server calls without Next (./plain-route.ts), registered by the route
// modules that own them. lib/server runs from source while Next runs each route from its compiled
// bundle: two copies of every module, each with its own rate limiter, caches and database pool.
// The registry lives on globalThis under a Symbol.for key, the one thing both copies see, so the
// handler lib/server finds is the one the compiled route registered when Next loaded it, closing
// over the very module instances that Next's own requests to that route use.
import type { PlainHandler } from "./plain-route";

/** The name POST /api/attempts registers its handler under (app/api/attempts/route.ts). */
export const DIRECT_ATTEMPT = "POST /api/attempts";

const KEY = Symbol.for("heapwise.directHandlers");
const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, PlainHandler> };

function registry(): Map<string, PlainHandler> {
  return (holder[KEY] ??= new Map());
}

/** Registers `handler` for `name` ("POST /api/attempts"); the latest registration wins (a reload). */
export function registerDirect(name: string, handler: PlainHandler): void {
  registry().set(name, handler);
}

export function directHandler(name: string): PlainHandler | undefined {
  return registry().get(name);
}
