// A CSV generator as a streamed HTTP response. The generator authorizes before its first line,
// so that first line is pulled here, before any byte is sent: a refusal is still an error status
// (403/404 through route()), not a 200 with a broken body. The rest is pulled as the client
// reads (ReadableStream's pull), so a slow download holds one batch in memory, not the file.
import "server-only";

export async function csvResponse(lines: AsyncGenerator<string>, filename: string): Promise<Response> {
  const first = await lines.next();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark, so spreadsheet programs read the file as UTF-8 (names with accents).
      controller.enqueue(encoder.encode("\uFEFF"));
      if (!first.done) controller.enqueue(encoder.encode(first.value));
      else controller.close();
    },
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]+/g, "-")}"`,
      "Cache-Control": "no-store",
    },
  });
}
