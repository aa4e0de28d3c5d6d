"use client";
// The roster's forms for instructors: add a person by e-mail, change a role, remove (after a
// confirmation naming the person). TAs get none of these: the page renders them for editors only,
// and the actions refuse a TA anyway.
import { useActionState, useState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/ui/form";
import { type ActionState, idle } from "@/lib/http/action-state";
import { addMemberAction, changeRoleAction, removeMemberAction } from "./actions";

type CourseRole = "STUDENT" | "TA" | "INSTRUCTOR";
const ROLES: { value: CourseRole; label: string }[] = [
  { value: "STUDENT", label: "Student" },
  { value: "TA", label: "TA" },
  { value: "INSTRUCTOR", label: "Instructor" },
];
const select = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";
const small = "rounded-md border border-zinc-300 px-2.5 py-1.5 text-sm font-medium hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

export function AddMemberForm({ courseId }: { courseId: string }) {
  const [state, formAction] = useActionState<ActionState<null>, FormData>(addMemberAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="Add a person">
      <input type="hidden" name="courseId" value={courseId} />
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
        <Field label="Email of their account" name="email" type="email" autoComplete="off" errors={errors} defaultValue={values.email} key={`e-${values.email}`} />
        <div className="space-y-1">
          <label htmlFor="role" className="block text-sm font-medium">
            Role
          </label>
          <select id="role" name="role" defaultValue={values.role ?? "STUDENT"} key={`r-${values.role}`} className={`${select} block w-full py-2`}>
            {ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <div className="sm:pt-6">
          <SubmitButton pendingText="Adding…">Add to course</SubmitButton>
        </div>
      </div>
      <FormMessage state={state.status === "error" && state.fieldErrors.email ? idle : state} />
    </form>
  );
}

export function MemberControls({ courseId, userId, name, role }: { courseId: string; userId: string; name: string; role: CourseRole }) {
  const [roleState, roleAction, rolePending] = useActionState<ActionState<null>, FormData>(changeRoleAction, idle);
  const [removeState, removeAction, removePending] = useActionState<ActionState<unknown>, FormData>(removeMemberAction, idle);
  const [confirming, setConfirming] = useState(false);
  const selectId = `role-${userId}`;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <form action={roleAction} className="flex items-center gap-1">
          <input type="hidden" name="courseId" value={courseId} />
          <input type="hidden" name="userId" value={userId} />
          <label htmlFor={selectId} className="sr-only">
            Role of {name}
          </label>
          <select id={selectId} name="role" defaultValue={role} key={role} className={select}>
            {ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <button type="submit" className={small} disabled={rolePending} aria-label={`Save the role of ${name}`}>
            Save
          </button>
        </form>
        {confirming ? (
          <form action={removeAction} className="flex items-center gap-1" onSubmit={() => setConfirming(false)}>
            <input type="hidden" name="courseId" value={courseId} />
            <input type="hidden" name="userId" value={userId} />
            <button type="submit" className="rounded-md bg-red-700 px-2.5 py-1.5 text-sm font-semibold text-white hover:bg-red-800">
              Remove {name}?
            </button>
            <button type="button" className={small} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <button type="button" className={small} disabled={removePending} onClick={() => setConfirming(true)} aria-label={`Remove ${name}`}>
            Remove
          </button>
        )}
      </div>
      <FormMessage state={roleState.status === "ok" ? idle : roleState} />
      <FormMessage state={removeState} />
    </div>
  );
}
