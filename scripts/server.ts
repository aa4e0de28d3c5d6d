// The app's HTTP server process (lib/server), started by scripts/start.ts with the environment it
// prepared: PORT, DATABASE_URL, NEXTAUTH_SECRET, NODE_ENV. HEAPWISE_TRUST_PROXY=1 says a proxy
// in front writes X-Forwarded-For (README, Security).
import path from "node:path";
import { z } from "zod";
import { startAppServer } from "../lib/server";

const settings = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOSTNAME: z.string().min(1).optional(),
    NODE_ENV: z.string().optional(),
    HEAPWISE_TRUST_PROXY: z.enum(["0", "1", "true", "false"]).default("0"),
  })
  .parse({
    PORT: process.env.PORT || undefined,
    HOSTNAME: process.env.HEAPWISE_HOSTNAME || undefined,
    NODE_ENV: process.env.NODE_ENV,
    HEAPWISE_TRUST_PROXY: process.env.HEAPWISE_TRUST_PROXY || undefined,
  });

const dev = settings.NODE_ENV !== "production";
const trustProxy = settings.HEAPWISE_TRUST_PROXY === "1" || settings.HEAPWISE_TRUST_PROXY === "true";
const server = await startAppServer({ dir: path.resolve(import.meta.dirname, ".."), port: settings.PORT, hostname: settings.HOSTNAME, dev, trustProxy });
console.log(`[heapwise] ${dev ? "development" : "production"} server on port ${settings.PORT}${trustProxy ? " (X-Forwarded-For trusted: HEAPWISE_TRUST_PROXY)" : ""}`);

const stop = () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
