// bench:load's HTTP client (scripts/load-client.ts) against a real node:http server: it must read
// every framing Node writes, reuse one connection, and turn anything short of a whole answer into
// an error the bench retries, never into a status it counts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { HttpConnection } from "@/scripts/load-client";

let server: Server | undefined;
let connections = 0;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<HttpConnection> {
  connections = 0;
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => handler(req, res, body));
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return new HttpConnection("127.0.0.1", port);
}

const head = "POST /echo HTTP/1.1\r\nhost: test\r\nauthorization: Bearer t0k\r\ncontent-type: application/json";

describe("the load client", () => {
  it("sends the whole request and reads Content-Length answers on one kept-alive connection", async () => {
    const seen: string[] = [];
    const c = await serve((req, res, body) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization} ${req.headers["content-type"]} ${body}`);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ got: body, n: seen.length }));
    });
    for (let i = 0; i < 3; i++) {
      const reply = await c.request(head, `{"i":${i},"é":"ü"}`);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body.toString())).toEqual({ got: `{"i":${i},"é":"ü"}`, n: i + 1 });
    }
    expect(seen[2]).toBe(`POST /echo Bearer t0k application/json {"i":2,"é":"ü"}`);
    expect(connections).toBe(1);
    c.close();
  });

  it("reads chunked answers, and one in many small writes", async () => {
    const c = await serve((_req, res) => {
      res.statusCode = 503;
      res.write('{"error":');
      setTimeout(() => res.end('"unavailable"}'), 5);
    });
    const reply = await c.request(head, "{}");
    expect(reply.status).toBe(503);
    expect(reply.body.toString()).toBe('{"error":"unavailable"}');
    expect((await c.request(head, "{}")).status).toBe(503);
    expect(connections).toBe(1);
    c.close();
  });

  it("opens a new connection after an answer that says connection: close", async () => {
    const c = await serve((_req, res) => {
      res.setHeader("connection", "close");
      res.statusCode = 413;
      res.end("too large");
    });
    expect((await c.request(head, "{}")).status).toBe(413);
    expect((await c.request(head, "{}")).status).toBe(413);
    expect(connections).toBe(2);
    c.close();
  });

  it("fails (to be retried) when the server drops the connection mid-answer, then reconnects", async () => {
    let n = 0;
    const c = await serve((req, res) => {
      if (++n === 1) {
        res.setHeader("content-length", "100");
        res.write("partial");
        setTimeout(() => req.socket.destroy(), 5);
        return;
      }
      res.end("ok");
    });
    await expect(c.request(head, "{}")).rejects.toThrow(/closed before a whole response/);
    const reply = await c.request(head, "{}");
    expect([reply.status, reply.body.toString()]).toEqual([200, "ok"]);
    expect(connections).toBe(2);
    c.close();
  });

  it("fails when nothing listens", async () => {
    const c = await serve((_req, res) => res.end());
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    await expect(c.request(head, "{}")).rejects.toThrow();
  });
});
