"use client";
// Sign-up runs as a server action; once the account exists, the browser signs in with the same
// credentials (next-auth v4 sets its cookie from /api/auth) and goes to the dashboard.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/ui/form";
import type { Role } from "@/lib/auth/roles";
import { type ActionState, idle } from "@/lib/http/action-state";
import { signUpAction } from "./actions";

type Created = { email: string; role: Role };

export function SignUpForm({ allowInstructor }: { allowInstructor: boolean }) {
  const [state, formAction] = useActionState<ActionState<Created>, FormData>(signUpAction, idle);
  const password = useRef<HTMLInputElement>(null);
  // React clears the form once the action returns; keep the password typed for the sign-in.
  const submitted = useRef("");
  const router = useRouter();

  useEffect(() => {
    if (state.status !== "ok") return;
    void signIn("credentials", { email: state.data.email, password: submitted.current, redirect: false }).then((result) => {
      router.replace(result?.ok ? "/dashboard" : "/signin?registered=1");
      router.refresh();
    });
  }, [state, router]);

  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={formAction} onSubmit={() => (submitted.current = password.current?.value ?? "")} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="Name" name="name" autoComplete="name" required errors={errors} defaultValue={values.name} key={`name-${values.name}`} />
      <Field label="Email" name="email" type="email" autoComplete="email" required errors={errors} defaultValue={values.email} key={`email-${values.email}`} />
      <Field
        ref={password}
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        hint="At least 10 characters: a few unrelated words work well. Not a common password, not your email."
        errors={errors}
      />
      {allowInstructor ? (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="instructor" className="mt-0.5 size-4 rounded border-zinc-300" />
          <span>
            I am an instructor
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">Instructors can create courses. Open sign-up for instructors is on for this server.</span>
          </span>
        </label>
      ) : null}
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
