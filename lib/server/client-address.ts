// Which address a request comes from, decided once at the edge of the server for everything
// behind it (lib/security/client-ip.ts reads X-Forwarded-For's last entry). Any client can send
// an X-Forwarded-For of its choosing, so the header is believed only when the operator says a
// proxy in front writes it (HEAPWISE_TRUST_PROXY=1: its last entry is what that proxy saw).
// Otherwise the header is replaced by the socket's own address, and X-Real-IP is dropped.
import type { IncomingMessage } from "node:http";

export function settleClientAddress(req: IncomingMessage, trustProxy: boolean): void {
  if (trustProxy) return;
  req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
  delete req.headers["x-real-ip"];
}
