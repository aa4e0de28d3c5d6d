// The address the rate limits see (lib/security/client-ip.ts), through a real HTTP server with
// ./client-address.ts in front, as lib/server runs it: a forged X-Forwarded-For counts only when
// the operator said a proxy writes it.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientIp } from "@/lib/security/client-ip";
import { settleClientAddress } from "./client-address";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function seenAddress(trustProxy: boolean, headers: Record<string, string>): Promise<string> {
  server = createServer((req, res) => {
    settleClientAddress(req, trustProxy);
    res.end(clientIp(req.headers));
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
