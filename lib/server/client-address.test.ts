// The address the rate limits see (lib/security/client-ip.ts), through a real HTTP server with
// ./client-address.ts in front, as lib/server runs it: a forged X-Forwarded-For counts only when
// the operator said a proxy writes it.
import { createServer, type IncomingMessage, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientIp } from "@/lib/security/client-ip";
import { settleClientAddress } from "./client-address";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function seenAddress(trustProxy: boolean, headers: Record<string, string>): Promise<string> {
  return seen(trustProxy, headers, (req) => clientIp(req.headers));
}

/** What the app behind lib/server sees of the X-Forwarded-Host/-Proto/-Port headers. */
async function seenForwarded(trustProxy: boolean, headers: Record<string, string>): Promise<Record<string, string | undefined>> {
  const text = await seen(trustProxy, headers, (req) =>
    JSON.stringify({ host: req.headers["x-forwarded-host"], proto: req.headers["x-forwarded-proto"], port: req.headers["x-forwarded-port"] }),
  );
  return JSON.parse(text) as Record<string, string | undefined>;
}

async function seen(trustProxy: boolean, headers: Record<string, string>, read: (req: IncomingMessage) => string): Promise<string> {
  server = createServer((req, res) => {
    settleClientAddress(req, trustProxy);
    res.end(read(req));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, headers, agent: false }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve(text));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the client address behind lib/server", () => {
  it("is the socket's when no proxy is trusted, whatever the client claims", async () => {
    expect(await seenAddress(false, { "x-forwarded-for": "203.0.113.9" })).toBe("127.0.0.1");
    expect(await seenAddress(false, { "x-forwarded-for": "10.0.0.1, 203.0.113.9", "x-real-ip": "198.51.100.2" })).toBe("127.0.0.1");
    expect(await seenAddress(false, { "x-real-ip": "198.51.100.2" })).toBe("127.0.0.1");
    expect(await seenAddress(false, {})).toBe("127.0.0.1");
  });

  it("is the last X-Forwarded-For entry (what the proxy saw) with HEAPWISE_TRUST_PROXY", async () => {
    expect(await seenAddress(true, { "x-forwarded-for": "10.0.0.1, 203.0.113.9" })).toBe("203.0.113.9");
  });
});

describe("the host, scheme and port behind lib/server", () => {
  const forged = { host: "app.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-port": "8443" };

  it("are the connection's own when no proxy is trusted, whatever the client claims", async () => {
    expect(await seenForwarded(false, forged)).toEqual({ host: "app.example", proto: "http", port: String((server?.address() as AddressInfo).port) });
    expect((await seenForwarded(false, { host: "app.example" })).host).toBe("app.example");
  });

  it("are the proxy's with HEAPWISE_TRUST_PROXY", async () => {
    expect(await seenForwarded(true, forged)).toEqual({ host: "evil.example", proto: "https", port: "8443" });
  });
});
