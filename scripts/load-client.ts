// The load generator's HTTP client (npm run bench:load): one keep-alive HTTP/1.1 connection per
// simulated student on a plain TCP socket, one request in flight, as load tools (wrk, autocannon)
// do. fetch (undici) spent ~0.3 ms of CPU per request on this machine's 2 cores, which the server
// under test then lacked; every request is still a whole HTTP request (its own headers, body and
// Bearer token) to the unchanged server. Responses are read by Content-Length or chunked framing;
// a response that says `connection: close`, or a dropped connection, closes the socket and the
// next request opens a new one. A failure is an Error (the caller retries it), never a guess.
import { connect, type Socket } from "node:net";

export type Reply = { status: number; body: Buffer };

const HEAD_END = Buffer.from("\r\n\r\n");

type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };

/** The parts of a response head this client needs. */
type Head = { status: number; length: number | null; chunked: boolean; close: boolean; bodyAt: number };

function parseHead(buf: Buffer, end: number): Head {
  const lines = buf.toString("latin1", 0, end).split("\r\n");
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? "");
  if (!m) throw new Error(`not an HTTP/1.x status line: ${JSON.stringify((lines[0] ?? "").slice(0, 80))}`);
  const head: Head = { status: Number(m[1]), length: null, chunked: false, close: lines[0].startsWith("HTTP/1.0"), bodyAt: end + 4 };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim().toLowerCase();
    if (name === "content-length") head.length = Number(value);
    else if (name === "transfer-encoding") head.chunked = value.split(",").some((t) => t.trim() === "chunked");
    else if (name === "connection") head.close = value.split(",").some((t) => t.trim() === "close");
  }
  if (head.length !== null && !(Number.isInteger(head.length) && head.length >= 0)) throw new Error("bad content-length");
  // A 204/304 or a 1xx has no body whatever the headers say.
  if (head.status === 204 || head.status === 304 || head.status < 200) head.length = 0;
  return head;
}

/** The body of a chunked message starting at `at`, or null while it is incomplete. */
function dechunk(buf: Buffer, at: number): { body: Buffer; end: number } | null {
  const parts: Buffer[] = [];
  let pos = at;
  for (;;) {
    const eol = buf.indexOf("\r\n", pos, "latin1");
    if (eol < 0) return null;
    const size = Number.parseInt(buf.toString("latin1", pos, eol).split(";")[0], 16);
    if (!Number.isFinite(size) || size < 0) throw new Error("bad chunk size");
    if (size === 0) {
      // The last chunk; the message ends at the blank line after it (and after any trailers).
      const end = buf.indexOf(HEAD_END, eol);
      return end < 0 ? null : { body: Buffer.concat(parts), end: end + 4 };
    }
    if (buf.length < eol + 2 + size + 2) return null;
    parts.push(buf.subarray(eol + 2, eol + 2 + size));
    pos = eol + 2 + size + 2;
  }
}

/** One persistent connection to host:port; requests go one at a time. */
export class HttpConnection {
  private socket: Socket | null = null;
  // The request in flight, with the socket it was written on: events of any other socket (one
  // closed after an earlier answer) must not settle it.
  private pending: (Pending & { socket: Socket }) | null = null;
  private buf: Buffer = Buffer.alloc(0);
  private head: Head | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  /** Sends `head` (request line and headers, without the blank line) and `body`; resolves with the response. */
  request(head: string, body: string): Promise<Reply> {
    if (this.pending) return Promise.reject(new Error("one request at a time on a connection"));
    const socket = this.socket ?? this.open();
    return new Promise<Reply>((resolve, reject) => {
      this.pending = { resolve, reject, socket };
      this.buf = Buffer.alloc(0);
      this.head = null;
      socket.write(`${head}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    this.socket = socket;
    socket.on("data", (chunk: Buffer) => this.onData(socket, chunk));
    socket.on("error", (error) => this.drop(socket, error));
    socket.on("close", () => {
      // A body delimited by the end of the connection (no length, not chunked) ends here.
      const h = this.head;
      if (this.pending?.socket === socket && h && h.length === null && !h.chunked) {
        this.settle(socket, { status: h.status, body: this.buf.subarray(h.bodyAt) }, null);
      }
      this.drop(socket, new Error("the connection closed before a whole response arrived"));
    });
    return socket;
  }

  private drop(socket: Socket, error: Error): void {
    if (this.socket === socket) this.socket = null;
    socket.destroy();
    this.settle(socket, null, error);
  }

  private onData(socket: Socket, chunk: Buffer): void {
    if (this.pending?.socket !== socket) {
      // Nothing was asked on this connection: whatever it says is not an answer.
      this.drop(socket, new Error("unexpected bytes"));
      return;
    }
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    try {
      for (;;) {
        if (!this.head) {
          const headEnd = this.buf.indexOf(HEAD_END);
          if (headEnd < 0) return;
          this.head = parseHead(this.buf, headEnd);
        }
        const h = this.head;
        let body: Buffer | null = null;
        let end = 0;
        if (h.chunked) {
          const done = dechunk(this.buf, h.bodyAt);
          if (done) ({ body, end } = done);
        } else if (h.length !== null && this.buf.length >= h.bodyAt + h.length) {
          end = h.bodyAt + h.length;
          body = this.buf.subarray(h.bodyAt, end);
        }
        if (!body) return;
        if (h.status < 200) {
          // An interim answer (100 Continue): the real one follows.
          this.buf = this.buf.subarray(end);
          this.head = null;
          continue;
        }
        // Closed by the server, or bytes nobody asked for: this connection is not reused.
        if (h.close || end !== this.buf.length) {
          if (this.socket === socket) this.socket = null;
          socket.destroy();
        }
        this.settle(socket, { status: h.status, body }, null);
        return;
      }
    } catch (error) {
      this.drop(socket, error instanceof Error ? error : new Error(String(error)));
    }
  }

  private settle(socket: Socket, reply: Reply | null, error: Error | null): void {
    const pending = this.pending;
    if (!pending || pending.socket !== socket) return;
    this.pending = null;
    this.head = null;
    this.buf = Buffer.alloc(0);
    if (reply) pending.resolve(reply);
    else pending.reject(error ?? new Error("no response"));
  }
}
