// The app's HTTP server: Next's documented custom-server setup (next({ dev, dir }) and its
// request handler), with two things of our own in front of it:
//   1. the client's address is settled before anything reads it (./client-address.ts);
//   2. Bearer-token submissions (POST /api/attempts) go straight to the route's handler
//      (./attempt-path.ts), carrying the same security headers as every Next response.
// Everything else is Next's, unchanged. `npm start`, `npm run demo` and the tests all run this.
import { createServer, type Server } from "node:http";
import next from "next";
import { isDirectAttempt, loadAttemptHandler, serveDirectAttempt } from "./attempt-path";
import { baselineHeaders } from "./baseline-headers";
import { settleClientAddress } from "./client-address";

export type AppServerOptions = {
  dir: string;
  port: number;
  hostname?: string;
  dev: boolean;
  trustProxy: boolean;
};

export async function startAppServer(options: AppServerOptions): Promise<Server> {
  const app = next({ dev: options.dev, dir: options.dir, port: options.port, hostname: options.hostname });
  const handle = app.getRequestHandler();
  await app.prepare();
  const baseline = await baselineHeaders(options.dir);
  // Not in dev: there Next compiles routes on demand and reloads them on edits.
  const direct = options.dev ? null : await loadAttemptHandler(options.dir);
  const server = createServer((req, res) => {
    settleClientAddress(req, options.trustProxy);
    if (direct && isDirectAttempt(req)) {
      void serveDirectAttempt(direct, req, res, baseline);
      return;
    }
    handle(req, res).catch((error: unknown) => {
      console.error("[heapwise] request failed:", error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      } else res.destroy();
    });
  });
  if (options.dev) {
    // Hot reload's websocket.
    const upgrade = app.getUpgradeHandler();
    server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  return server;
}
