"use client";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/ui/form";
import { PYTHON_VERSIONS } from "@/lib/courses/schema";
import { type ActionState, idle } from "@/lib/http/action-state";
import { createCourseAction, joinCourseAction, setJoinCodeAction } from "./actions";

export function JoinCourseForm() {
  const [state, formAction] = useActionState<ActionState<unknown>, FormData>(joinCourseAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <Field
        label="Join code"
        name="code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="K7QM2XPA"
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-base tracking-widest uppercase shadow-sm aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        errors={errors}
        defaultValue={values.code}
        key={values.code}
        hint="Your instructor gives you an 8-character code."
      />
      <SubmitButton pendingText="Joining…">Join course</SubmitButton>
    </form>
  );
}

export function CreateCourseForm() {
  const [state, formAction] = useActionState<ActionState<unknown>, FormData>(createCourseAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state.status === "error" && Object.keys(state.fieldErrors).length > 0 ? idle : state} />
      <Field label="Course title" name="title" required placeholder="SC1007 Data Structures, semester 1" errors={errors} defaultValue={values.title} key={`t-${values.title}`} />
      <div className="space-y-1">
        <label htmlFor="pythonVersion" className="block text-sm font-medium">
          Python version
        </label>
        <select
          id="pythonVersion"
          name="pythonVersion"
          defaultValue={values.pythonVersion ?? "3.12"}
          key={`v-${values.pythonVersion}`}
          aria-describedby="pythonVersion-hint"
          className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          {PYTHON_VERSIONS.map((v) => (
            <option key={v} value={v}>
              CPython {v}
            </option>
          ))}
        </select>
        <p id="pythonVersion-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
          Answers are graded against this version&apos;s memory model.
        </p>
        {errors?.pythonVersion ? <p className="text-sm text-red-600 dark:text-red-400">{errors.pythonVersion.join(" ")}</p> : null}
      </div>
      <SubmitButton pendingText="Creating…">Create course</SubmitButton>
    </form>
  );
}

export function JoinCodeToggle({ courseId, enabled }: { courseId: string; enabled: boolean }) {
  const [state, formAction] = useActionState<ActionState<null>, FormData>(setJoinCodeAction, idle);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <button
        type="submit"
        className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {enabled ? "Close the join code" : "Reopen the join code"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
