"use client";
// Form pieces shared by every server-action form: labelled inputs that show their field errors
// (wired with aria-describedby so screen readers announce them) and a pending-aware submit.
import { useFormStatus } from "react-dom";
import type { FieldErrors } from "@/lib/http/action-state";

export function Field({
  label,
  name,
  errors,
  hint,
  ...input
}: { label: string; name: string; errors?: FieldErrors; hint?: string } & React.ComponentProps<"input">) {
  const messages = errors?.[name];
  const describedBy = [hint ? `${name}-hint` : "", messages ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        aria-invalid={messages ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm placeholder:text-zinc-400 aria-invalid:border-red-500 sm:text-sm dark:border-zinc-700 dark:bg-zinc-900"
        {...input}
      />
      {hint ? (
        <p id={`${name}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {messages ? (
        <p id={`${name}-error`} className="text-sm text-red-600 dark:text-red-400">
          {messages.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, pendingText }: { children: React.ReactNode; pendingText?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
    >
      {pending ? (pendingText ?? "Working…") : children}
    </button>
  );
}

export function FormMessage({ state }: { state: { status: string; message?: string } }) {
  if (state.status === "idle" || !state.message) return null;
  const ok = state.status === "ok";
  return (
    <p
      role={ok ? "status" : "alert"}
      className={
        ok
          ? "rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
          : "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
      }
    >
      {state.message}
    </p>
  );
}
