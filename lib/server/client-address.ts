// Where a request comes from, decided once at the edge of the server for everything behind it:
// the address (lib/security/client-ip.ts reads X-Forwarded-For's last entry) and the host, scheme
// and port the client used (Next builds URLs from X-Forwarded-Host/-Proto/-Port, and the CSRF
// check of lib/security/origin.ts compares Origin with X-Forwarded-Host). Any client can send
// these headers with values of its choosing, so they are believed only when the operator says a
// proxy in front writes them (HEAPWISE_TRUST_PROXY=1). Otherwise each is replaced by what this
// connection itself says (the socket's address, the Host header, TLS or not, the local port),
// and X-Real-IP is dropped.
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";

export function settleClientAddress(req: IncomingMessage, trustProxy: boolean): void {
  if (trustProxy) return;
  const socket = req.socket;
  req.headers["x-forwarded-for"] = socket.remoteAddress ?? "unknown";
  delete req.headers["x-real-ip"];
  if (req.headers.host) req.headers["x-forwarded-host"] = req.headers.host;
  else delete req.headers["x-forwarded-host"];
  req.headers["x-forwarded-proto"] = (socket as Partial<TLSSocket>).encrypted ? "https" : "http";
  if (socket.localPort) req.headers["x-forwarded-port"] = String(socket.localPort);
  else delete req.headers["x-forwarded-port"];
}
