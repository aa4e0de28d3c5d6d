// The embedded database: PGlite (PostgreSQL compiled to WASM, in this process) served on a
// localhost port by pglite-socket, so the app reaches it with the same `pg` driver and Prisma
// adapter as a real server. Data lives in `.data/pglite` (git-ignored), or in memory for tests.
//
// PGlite is one PostgreSQL backend: one session, one transaction at a time. pglite-socket queues
// protocol messages from all its connections onto that backend, and keeps other connections waiting
// while one is inside a transaction; but session state (unnamed prepared statements, SET, advisory
// locks) is shared by all of them. See EMBEDDED_POOL_MAX for how many connections we allow.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * Size of every pool that talks to the embedded database: one connection.
 * Measured (test/db/embedded.test.ts, and by hand with 60 concurrent Prisma calls): with a pool of 4,
 * pglite-socket interleaves the extended-protocol messages (Parse/Bind/Execute) of different
 * connections on its single backend, and some queries fail with `portal "" does not exist` (or
 * could run one connection's statement with another's parameters). With one connection, the pool
 * queues requests and every call of a burst succeeds.
 */
export const EMBEDDED_POOL_MAX = 1;

/**
 * Connections the socket accepts: more than the pool uses, on purpose. pg's pool destroys a
 * connection after any query error (a unique violation included) and opens a new one at once;
 * the socket notices the old one closed a moment later. With a limit of 1 that new connection was
 * refused ("Connection terminated unexpectedly", seen in test/db/client.test.ts). The limit is not
 * what keeps connections from interleaving; one pool of one connection per process is.
 */
export const EMBEDDED_SOCKET_CONNECTIONS = 4;

export type EmbeddedDatabase = {
  /** postgresql:// URL for `pg` / Prisma. */
  url: string;
  port: number;
  /** Folder of the data, or null for an in-memory database. */
  dataDir: string | null;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** Folder for the data files; "memory" keeps everything in memory (tests). */
  dataDir: string | "memory";
  /** 0 (default): any free port. */
  port?: number;
  host?: string;
  /** Connections the socket accepts at once (default EMBEDDED_SOCKET_CONNECTIONS). */
  maxConnections?: number;
};

/** Refuses a second process on the same data folder: two PGlite instances on one folder corrupt it. */
function claimFolder(dataDir: string): () => void {
  const pidFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.pid`);
  if (existsSync(pidFile)) {
    const pid = Number.parseInt(readFileSync(pidFile, "utf8"), 10);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${pid}. Stop that process first, or set DATABASE_URL to use a PostgreSQL server. ` +
          `(If no Heapwise is running, that pid was reused by another program: delete ${pidFile}.)`,
      );
    }
  }
  const fd = openSync(pidFile, "w");
  writeSync(fd, String(process.pid));
  closeSync(fd);
  return () => rmSync(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function startEmbedded({ dataDir, port = 0, host = "127.0.0.1", maxConnections = EMBEDDED_SOCKET_CONNECTIONS }: EmbeddedOptions): Promise<EmbeddedDatabase> {
  let release = () => {};
  let db: PGlite;
  if (dataDir === "memory") {
    db = await PGlite.create();
  } else {
    const folder = path.resolve(dataDir);
    mkdirSync(folder, { recursive: true });
    release = claimFolder(folder);
    try {
      db = await PGlite.create(folder);
    } catch (error) {
      release();
      throw error;
    }
  }
  const server = new PGLiteSocketServer({ db, port, host, maxConnections });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    release();
    throw error;
  }
  const actualPort = Number(server.getServerConn().split(":").pop());
  let stopped: Promise<void> | undefined;
  return {
    url: `postgresql://postgres:postgres@${host}:${actualPort}/postgres`,
    port: actualPort,
    dataDir: dataDir === "memory" ? null : path.resolve(dataDir),
    stop() {
      stopped ??= (async () => {
        await server.stop();
        // close() checkpoints and flushes the data folder; skipping it can lose the last writes.
        await db.close();
        release();
      })();
      return stopped;
    },
  };
}
