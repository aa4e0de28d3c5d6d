"use server";
// Grading an inline check. Same order as every action: who is calling (anyone may practise; only
// a signed-in student's progress is saved) → zod parse of the form → grade on the server →
// authorized write (the user id comes from the session, never from the form).
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { loadCaller } from "@/lib/auth/caller";
import { getPrisma } from "@/lib/db";
import { gradeCheckAsync } from "@/lib/grading-pool";
import { checksOf } from "@/lib/lessons/checks";
import { findCheck } from "@/lib/lessons/grade";
import { recordCheckDone } from "@/lib/lessons/progress";
import { checkWaitSeconds } from "@/lib/security/check-limit";
import { clientIp } from "@/lib/security/client-ip";
import type { CheckState } from "./_components/check-state";

const formSchema = z.discriminatedUnion("kind", [
  z.object({ checkId: z.string().max(80), kind: z.literal("integer"), value: z.string().trim().regex(/^-?\d{1,15}$/, { error: "Type a whole number." }).transform(Number) }),
  z.object({ checkId: z.string().max(80), kind: z.literal("boolean"), value: z.enum(["True", "False"], { error: "Choose True or False." }).transform((v) => v === "True") }),
  z.object({ checkId: z.string().max(80), kind: z.literal("output"), value: z.string().max(20_000) }),
  z.object({ checkId: z.string().max(80), kind: z.literal("choice"), value: z.string().regex(/^\d{1,2}$/, { error: "Choose one option." }).transform(Number) }),
]);

export async function gradeCheckAction(_prev: CheckState, form: FormData): Promise<CheckState> {
  const caller = await loadCaller().catch(() => null);
  // Anonymous checks too are rate limited (by address), before any parsing or simulation.
  const wait = checkWaitSeconds({ userId: caller?.id ?? null, ip: clientIp(await headers()) }, Date.now());
  if (wait > 0) return { status: "invalid", message: `Too many checks in a row: try again in ${wait} s.` };
  const parsed = formSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) return { status: "invalid", message: parsed.error.issues[0]?.message ?? "Check your answer's format." };
  const input = parsed.data;
  const check = findCheck(input.checkId);
  if (!check) return { status: "invalid", message: "There is no such check." };
  const answer = input.kind === "choice" ? { kind: "choice" as const, choice: input.value } : { kind: input.kind, value: input.value };
  // Graded on the grading pool (lib/grading-pool): the simulation never runs on this thread.
  const verdict = await gradeCheckAsync(input.checkId, answer);
  if (verdict.status !== "graded") return verdict;
  let saved = false;
  if (verdict.correct && caller) {
    await recordCheckDone(getPrisma(), caller.id, check.lesson, input.checkId, checksOf(check.lesson).map((c) => c.definition.slug));
    saved = true;
    revalidatePath("/lessons");
  }
  return { ...verdict, saved, signedIn: caller !== null };
}
