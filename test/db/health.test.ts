// lib/db/health.ts: answers ok when the database does, and a reason within 2 s when it does not.
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/db/client";
import { checkDatabase } from "../../lib/db/health";
import { useTestDatabase } from "../support/db";

const db = useTestDatabase();

/** A port nobody listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

// A server that accepts connections and never says a word: the case that hangs a driver forever.
const sockets = new Set<net.Socket>();
const silent = net.createServer((socket) => {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});
const silentPort = new Promise<number>((resolve) => {
  silent.listen(0, "127.0.0.1", () => {
    const address = silent.address();
    resolve(address !== null && typeof address === "object" ? address.port : 0);
  });
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe.skipIf(db.skip)("checkDatabase", () => {
  it("is ok when the database answers (through the shared client, as /api/health calls it)", async () => {
    expect(await checkDatabase()).toEqual({ ok: true });
  });

  it("gives a reason within 2 s when nothing listens on the port", async () => {
    const prisma = createPrisma({ url: `postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`, poolMax: 1 });
    try {
      const { result, ms } = await timed(() => checkDatabase(prisma));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/unreachable/i);
      expect(ms).toBeLessThan(2_000);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("gives a reason within 2 s when the server accepts and never answers", async () => {
    const prisma = createPrisma({ url: `postgresql://postgres@127.0.0.1:${await silentPort}/postgres`, poolMax: 1, connectTimeoutMs: 2_500 });
    try {
      const { result, ms } = await timed(() => checkDatabase(prisma));
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(/no answer within/) });
      expect(ms).toBeLessThan(2_000);
    } finally {
      await prisma.$disconnect().catch(() => undefined);
    }
  });

  it("never puts the connection string in its reason", async () => {
    const prisma = createPrisma({ url: `postgresql://postgres:s3cret@127.0.0.1:${await closedPort()}/postgres`, poolMax: 1 });
    try {
      const result = await checkDatabase(prisma);
      expect(JSON.stringify(result)).not.toContain("s3cret");
    } finally {
      await prisma.$disconnect();
    }
  });
});
