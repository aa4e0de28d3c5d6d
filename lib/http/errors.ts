// One error vocabulary for every route handler and server action (after dub's error codes).
// A handler throws `HttpError`; `toErrorResponse` maps anything thrown to a status and a JSON
// body. Unknown errors become a bare 500 `{"error":"internal"}`: no message, no stack, because
// those can carry SQL, file paths or answer keys.
import { z } from "zod";

export const errorStatus = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorBody = {
  error: ErrorCode;
  message?: string;
  issues?: { path: string; message: string }[];
};

export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly issues?: ErrorBody["issues"],
  ) {
    super(message ?? code);
    this.name = "HttpError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const unauthenticated = (message = "Sign in first.") => new HttpError("unauthenticated", message);
export const forbidden = (message = "You do not have access to this.") => new HttpError("forbidden", message);
export const notFound = (message = "Not found.") => new HttpError("not_found", message);
export const conflict = (message: string) => new HttpError("conflict", message);

/** Zod issues as `{ path: "a.b", message }`, the shape the API and the forms both show. */
export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

export function invalid(error: z.ZodError | string): HttpError {
  if (typeof error === "string") return new HttpError("invalid", error);
  return new HttpError("invalid", "The request is not valid.", issuesOf(error));
}

/**
 * Classifies a thrown value. `classifyDatabase` is injected so this file stays free of the
 * database layer (and unit-testable without it).
 */
export function toErrorBody(
  error: unknown,
  classifyDatabase: (error: unknown) => "unavailable" | "conflict" | null = () => null,
): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    const body: ErrorBody = { error: error.code };
    if (error.code !== "internal") body.message = error.message;
    if (error.issues) body.issues = error.issues;
    return { status: error.status, body };
  }
  if (error instanceof z.ZodError) {
    return { status: 400, body: { error: "invalid", message: "The request is not valid.", issues: issuesOf(error) } };
  }
  const db = classifyDatabase(error);
  if (db === "unavailable") {
    return { status: 503, body: { error: "unavailable", message: "The database is not answering. Try again shortly." } };
  }
  if (db === "conflict") return { status: 409, body: { error: "conflict", message: "That already exists." } };
  return { status: 500, body: { error: "internal" } };
}
