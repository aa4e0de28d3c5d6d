"use server";
// Assessment builder mutations: who is calling (action()) → zod → requireCourseAccess "edit" →
// lib/assessments/builder.ts, whose queries keep the course in the `where`.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireCourseAccess } from "@/lib/auth/course-roles";
import { courseFormAccess } from "@/lib/courses/access";
import { createAssessment, deleteDraftAssessment, setPublished, updateAssessment } from "@/lib/assessments/builder";
import { assessmentInputSchema, deleteAssessmentSchema, publishSchema } from "@/lib/assessments/builder-schema";
import { action } from "@/lib/http/action";

export const saveAssessmentAction = action({ auth: "user", access: courseFormAccess("edit"), input: assessmentInputSchema }, async ({ caller, input }) => {
  await requireCourseAccess(caller, input.courseId, "edit");
  const base = `/instructor/courses/${input.courseId}/assessments`;
  if (!input.assessmentId) {
    const created = await createAssessment(input.courseId, input);
    revalidatePath(base);
    redirect(`${base}/${created.id}?created=1`);
  }
  const saved = await updateAssessment(input.courseId, input.assessmentId, input);
  revalidatePath(base, "layout");
  revalidatePath("/assessments");
  // The new slots' ids go back to the form, so a second save edits them instead of adding twins.
  return { message: "Saved.", data: saved };
});

export const publishAction = action({ auth: "user", access: courseFormAccess("edit"), input: publishSchema }, async ({ caller, input }) => {
  await requireCourseAccess(caller, input.courseId, "edit");
  await setPublished(input.courseId, input.assessmentId, input.publish);
  revalidatePath(`/instructor/courses/${input.courseId}/assessments`, "layout");
  revalidatePath("/assessments");
  revalidatePath(`/courses/${input.courseId}`);
  return { message: input.publish ? "Published: enrolled students see it from its open date." : "Unpublished: students no longer see it.", data: null };
});

export const deleteAssessmentAction = action({ auth: "user", access: courseFormAccess("edit"), input: deleteAssessmentSchema }, async ({ caller, input }) => {
  await requireCourseAccess(caller, input.courseId, "edit");
  await deleteDraftAssessment(input.courseId, input.assessmentId);
  const base = `/instructor/courses/${input.courseId}/assessments`;
  revalidatePath(base, "layout");
  redirect(`${base}?deleted=1`);
});
