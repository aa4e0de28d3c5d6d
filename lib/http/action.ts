// The server-action helper, the same order as route(): who is calling → text that cannot be
// stored refused → the caller's right to the form's target (`access`, before the form is judged,
// so a refused caller learns nothing of its schema) → zod parse of the form → handler. The
// caller is re-read inside every action, because an action is a public POST endpoint and the
// page that rendered its form proves nothing. Failures come back as state for
// `useActionState` (field errors under the input, a message above the form), never as a throw.
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { requireRole, requireUser } from "@/lib/auth/guards";
import type { Role } from "@/lib/auth/roles";
import { classifyDatabaseError } from "@/lib/db/errors";
import { textProblem } from "@/lib/security/text";
import type { ActionState, FieldErrors } from "./action-state";
import { toErrorBody } from "./errors";

export { type ActionState, type FieldErrors, idle } from "./action-state";

export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    // React adds `$ACTION_...` fields of its own; files are not accepted by any of our forms.
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    out[key] = value;
  }
  return out;
}

// React resets a form after its action runs; a failed form is refilled from these values.
// Secrets are never echoed back into the page.
function echo(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password|token|secret/i.test(key)));
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

type ActionAuth = "public" | "user" | Role;
type ActionCaller<A extends ActionAuth> = A extends "public" ? null : Caller;

async function who<A extends ActionAuth>(auth: A): Promise<ActionCaller<A>> {
  // A public action (sign-up) has no caller; the conditional type cannot narrow on `auth`.
  if (auth === "public") return null as ActionCaller<A>;
  if (auth === "user") return (await requireUser()) as ActionCaller<A>;
  return (await requireRole(auth as Role)) as ActionCaller<A>;
}

export function action<A extends ActionAuth, S extends z.ZodType, T>(
  options: { auth: A; input: S; access?: (caller: ActionCaller<A>, values: Record<string, string>) => Promise<unknown> },
  handler: (ctx: { caller: ActionCaller<A>; input: z.output<S> }) => Promise<{ message: string; data: T }>,
): (previous: ActionState<unknown>, form: FormData) => Promise<ActionState<T>> {
  // `previous` is typed loosely on purpose: the action ignores it, and forms may hold a wider state.
  return async (_previous, form) => {
    const values = formToObject(form);
    try {
      const caller = await who(options.auth);
      // NUL and unpaired surrogates cannot be stored faithfully (lib/security/text.ts): refused
      // under their field, and never echoed back into the page.
      const unsafe = Object.entries(values).flatMap(([key, value]): [string, string[]][] => {
        const problem = textProblem(value);
        return problem ? [[key, [problem]]] : [];
      });
      if (unsafe.length) {
        const clean = Object.fromEntries(Object.entries(values).filter(([key]) => !unsafe.some(([bad]) => bad === key)));
        return { status: "error", message: "Check the highlighted fields.", fieldErrors: Object.fromEntries(unsafe), values: echo(clean), code: "invalid" };
      }
      // After the text check, so no query is ever made with text the database cannot hold.
      if (options.access) await options.access(caller, values);
      const parsed = options.input.safeParse(values);
      if (!parsed.success) {
        return { status: "error", message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values: echo(values), code: "invalid" };
      }
      const { message, data } = await handler({ caller, input: parsed.data });
      return { status: "ok", message, data };
    } catch (error) {
      // redirect() and notFound() work by throwing; they must reach Next untouched.
      unstable_rethrow(error);
      const { status, body } = toErrorBody(error, classifyDatabaseError);
      if (status >= 500) console.error(`[heapwise] action ${status} ${body.error}:`, error);
      const fieldErrors: FieldErrors = {};
      for (const issue of body.issues ?? []) (fieldErrors[issue.path || "_form"] ??= []).push(issue.message);
      return { status: "error", message: body.message ?? "Something went wrong on our side. Try again.", fieldErrors, values: echo(values), code: body.error };
    }
  };
}
