// A request body as JSON, the same whichever way the bytes arrive (a web Request in ./route.ts,
// a Node buffer in ./plain-route.ts): capped in size (413), UTF-8 or refused, JSON or refused
// (a 400, not a 500), and no text that cannot be stored (NUL, lone surrogates).
import { textProblem } from "@/lib/security/text";
import { HttpError, invalid } from "./errors";

/** The default cap on a JSON body: an answer is a few kilobytes, a question definition at most ~100 KiB. */
export const MAX_BODY_BYTES = 256 * 1024;

export const tooLarge = (limit: number) => new HttpError("too_large", `The request body is larger than ${Math.floor(limit / 1024)} KiB.`);

// fatal: bytes that are not UTF-8 are a malformed body, not text to guess at. One decoder for
// every call: decode() without { stream } keeps no state between calls.
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The JSON value of a whole body; an empty body is `{}`. */
export function jsonFromBytes(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw invalid("The request body is not valid UTF-8.");
  }
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid("The request body is not valid JSON.");
  }
  const problem = textProblem(value);
  if (problem) throw invalid(problem);
  return value;
}
