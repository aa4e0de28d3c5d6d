// The connect-then-FATAL race of a PostgreSQL fast shutdown, reproduced byte for byte: a fake
// server answers the startup message with AuthenticationOk, ReadyForQuery and the FATAL
// "terminating connection due to administrator command" in ONE write, as a real server shutting
// down right after accepting a connection can. The CI run that found it: the restart-under-load
// test (test/integration/load-restart.test.ts) died of an unheard `error` event now and then.
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPool } from "./client";

function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

const authenticationOk = message("R", Buffer.from([0, 0, 0, 0]));
const readyForQuery = message("Z", Buffer.from("I", "latin1"));
const fatal = message(
  "E",
  Buffer.from(["SFATAL", "VFATAL", "C57P01", "Mterminating connection due to administrator command"].map((f) => `${f}\0`).join("") + "\0", "latin1"),
);

let server: net.Server;
let url = "";

beforeAll(async () => {
  server = net.createServer((socket) => {
    socket.on("error", () => undefined);
    // The startup message is the client's first packet; everything after is ignored.
    socket.once("data", () => socket.end(Buffer.concat([authenticationOk, readyForQuery, fatal])));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  url = `postgres://heapwise:secret@127.0.0.1:${port}/heapwise`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Records how many `error` listeners each client had when it emitted an error. */
function watchErrors(pool: pg.Pool, swallowUnheard: boolean): number[] {
  const listeners: number[] = [];
  pool.on("connect", (client) => {
    const emit = client.emit.bind(client);
    client.emit = ((event: string, ...args: unknown[]) => {
      if (event !== "error") return emit(event, ...args);
      listeners.push(client.listenerCount("error"));
      // An unheard error would throw out of the socket handler and kill the test process.
      if (swallowUnheard && client.listenerCount("error") === 0) return false;
      return emit(event, ...args);
    }) as typeof client.emit;
  });
  return listeners;
}

describe("a connection the server terminates as it opens", () => {
  it("is emitted with no listener by a plain pg pool (the race is real)", async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    pool.on("error", () => undefined);
    const listeners = watchErrors(pool, true);
    const client = await pool.connect();
    expect(listeners).toEqual([0]);
    client.release(new Error("done"));
    await pool.end();
  });

  it("is heard by openPool's clients, fails their next query, and leaves the pool", async () => {
    const pool = openPool({ url, poolMax: 1 });
    const listeners = watchErrors(pool, false);
    const client = await pool.connect();
    expect(listeners).toHaveLength(1);
    expect(listeners[0]).toBeGreaterThan(0);
    await expect(client.query("SELECT 1")).rejects.toThrow(/not queryable|terminat/);
    client.release();
    expect(pool.totalCount).toBe(0);
    await pool.end();
  });
});
