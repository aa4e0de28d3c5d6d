"use server";
// Apply a regrade. The form carries what the instructor previewed (question, version) and an
// explicit confirmation; lib/regrade re-checks that the caller is the course's INSTRUCTOR (a TA's
// POST is refused there, whatever the page showed). Applying twice, or two clicks at once, records
// one regrade: the second finds no attempt on an older version (or loses the race and writes
// nothing, lib/regrade/apply.ts).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { idSchema } from "@/lib/analytics/access";
import { courseFormAccess } from "@/lib/courses/access";
import { action } from "@/lib/http/action";
import { applyRegrade, type RegradeResult } from "@/lib/regrade";

const applySchema = z.object({
  courseId: idSchema,
  assessmentId: idSchema,
  questionId: idSchema,
  toVersion: z.coerce.number().int().min(1),
  confirm: z.literal("yes", { error: "Tick the box to confirm the regrade." }),
});

// On success the browser goes to the regrade page without the preview (which would now show
// nothing to apply), with ?applied= naming the recorded regrade, so the page can say what was done.
export const applyRegradeAction = action({ auth: "user", access: courseFormAccess("edit"), input: applySchema }, async ({ caller, input }): Promise<{ message: string; data: null }> => {
  const result: RegradeResult = await applyRegrade(caller, input.assessmentId, input.questionId, input.toVersion);
  revalidatePath(`/instructor/courses/${input.courseId}/analytics`, "layout");
  redirect(`/instructor/courses/${input.courseId}/analytics/assessments/${input.assessmentId}/regrade?applied=${result.regradeId ?? "none"}`);
});
