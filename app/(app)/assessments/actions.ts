"use server";
// Server actions of the assessment pages. Submitting reuses submitAttempt, the API's own path, so
// the page and the API cannot grade differently; the caller is re-read inside each action.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { finishSitting, startSitting } from "@/lib/assessments/sittings";
import { submitAttemptSchema } from "@/lib/attempts/schema";
import { submitAttempt } from "@/lib/attempts/submit";
import { action } from "@/lib/http/action";

// The widget sends its answer as JSON in one field; a value that is not JSON fails here (400-like
// field error) and the answer's shape is then checked by submitAttempt against the question.
const answerJson = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "Give an answer first." });
    return z.NEVER;
  }
});

// Not strict, unlike the API body: the widget's own inputs (radio groups need a name) are in the
// form data too, and only these fields are read.
const submitForm = z.object(submitAttemptSchema.shape).extend({ answer: answerJson });

export const submitAnswerAction = action({ auth: "user", input: submitForm }, async ({ caller, input }) => {
  const { replayed, ...result } = await submitAttempt(caller, input);
  revalidatePath(`/assessments/${input.assessmentId}`, "layout");
  return { message: result.released ? "Graded." : "Answer stored. Feedback comes when the results are released.", data: { ...result, replayed } };
});

const assessmentForm = z.object({ assessmentId: z.string().min(1).max(64) });

export const startQuizAction = action({ auth: "user", input: assessmentForm }, async ({ caller, input }) => {
  await startSitting(caller, input.assessmentId);
  revalidatePath(`/assessments/${input.assessmentId}`, "layout");
  return { message: "The quiz has started.", data: null };
});

export const finishQuizAction = action({ auth: "user", input: assessmentForm }, async ({ caller, input }) => {
  await finishSitting(caller, input.assessmentId);
  revalidatePath(`/assessments/${input.assessmentId}`, "layout");
  return { message: "Quiz handed in.", data: null };
});
