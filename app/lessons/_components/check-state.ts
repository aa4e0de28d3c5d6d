// What the check form shows after a submission. Its own module so the client form can import the
// type without importing the server action's dependencies.
import type { CheckVerdict } from "@/lib/lessons/grade";

export type CheckState =
  | { status: "idle" }
  | Exclude<CheckVerdict, { status: "graded" }>
  | (Extract<CheckVerdict, { status: "graded" }> & { saved: boolean; signedIn: boolean });

export const idleCheck: CheckState = { status: "idle" };
