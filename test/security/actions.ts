// Server actions as an attacker calls them: straight HTTP, with the action's id from the build's
// manifest, no page or button involved. Shared by the authorization matrix and hostile-input tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { ActionOutcome } from "./matrix";
import { NEXT_DIR } from "./routes";

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/** "file#export" → the action's id and a page whose bundle has it, from the build's manifest. */
export function actionIds(): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(readFileSync(path.join(NEXT_DIR, "server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page")) ?? Object.keys(entry.workers)[0];
    if (!worker) continue;
    const page = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^/]+\)/g, "") || "/";
    out.set(`${entry.filename.replace(/^\.\//, "")}#${entry.exportedName}`, { id, page });
  }
  return out;
}

/**
 * Calls a server action as React's client does for `useActionState(action)`: a multipart body
 * whose field "0" is the argument list [previous state, FormData], the FormData's fields sent
 * under the prefix "_1_" and referenced as "$K1" (React 19.3's reply encoding). An anonymous
 * caller also sends a made-up session cookie: the proxy's optimistic redirect lets it through, so
 * what answers is the action's own check.
 */
export const FORGED_COOKIE = "next-auth.session-token=forged.not-a-jwt";

export function callAction(ctx: APIRequestContext, url: string, id: string, fields: Record<string, string>, origin: string, cookie?: string): Promise<APIResponse> {
  // The root goes last, as React sends it: the server decodes it as soon as it arrives, and the
  // form's fields must be there by then. (A plain object would put the key "0" first.)
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(`_1_${k}`, v);
  multipart.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return ctx.post(url, {
    multipart,
    headers: { ...(cookie ? { cookie } : {}), "next-action": id, accept: "text/x-component", origin, "next-router-state-tree": encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true])) },
    maxRedirects: 0,
  });
}

export async function actionOutcome(res: APIResponse): Promise<ActionOutcome | string> {
  if (res.headers()["x-action-redirect"]) return "allowed";
  const text = await res.text();
  // The action's return value is one row of the RSC payload: `1:{"status":...}`.
  const row = /^[0-9a-f]+:(\{"status":.*)$/m.exec(text);
  if (!row) return `status ${res.status()}: ${text.slice(0, 160)}`;
  const state = JSON.parse(row[1]) as { status: string; code?: string };
  if (state.status !== "error") return "allowed";
  const code = state.code;
  return code === "unauthenticated" || code === "forbidden" || code === "not_found" ? code : "allowed";
}
