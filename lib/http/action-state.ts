// The state a server-action form holds (useActionState). Separate from action.ts so client
// components can import it without pulling the server side (database, auth) into the bundle.
export type FieldErrors = Record<string, string[]>;

export type ActionState<T = null> =
  | { status: "idle" }
  | { status: "ok"; message: string; data: T }
  // `code` is the error vocabulary of ./errors.ts (absent for field errors of the form itself).
  | { status: "error"; message: string; fieldErrors: FieldErrors; values: Record<string, string>; code?: string };

export const idle = { status: "idle" } as const;

