"use client";
import { useActionState } from "react";
import type { Role } from "@/lib/auth/roles";
import { type ActionState, idle } from "@/lib/http/action-state";
import { setRoleAction } from "./actions";

export function RoleForm({ userId, name, role, self }: { userId: string; name: string; role: Role; self: boolean }) {
  const [state, formAction] = useActionState<ActionState<null>, FormData>(setRoleAction, idle);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {name}
      </label>
      <select
        id={`role-${userId}`}
        name="role"
        defaultValue={role}
        disabled={self}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        <option value="STUDENT">Student</option>
        <option value="INSTRUCTOR">Instructor</option>
        <option value="ADMIN">Admin</option>
      </select>
      {self ? (
        <span className="text-xs text-zinc-500">you</span>
      ) : (
        <button type="submit" className="rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Save
        </button>
      )}
      {state.status !== "idle" ? (
        <span role={state.status === "ok" ? "status" : "alert"} className={state.status === "ok" ? "text-xs text-emerald-700 dark:text-emerald-400" : "text-xs text-red-600 dark:text-red-400"}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
