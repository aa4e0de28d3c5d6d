// One assessment for the course's staff, and its edit by an instructor (the builder's rules:
// once students have answered, changes unfair to them are a 409 with the reasons as issues).
// DELETE removes a draft (unpublished, no attempt); anything else is a 409.
import { z } from "zod";
import { deleteDraftAssessment, loadBuilderAssessment, updateAssessment } from "@/lib/assessments/builder";
import { assessmentInputSchema } from "@/lib/assessments/builder-schema";
import { requireCourseAccess } from "@/lib/auth/course-roles";
import { invalid } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { courseAccess } from "@/lib/courses/access";

const params = z.object({ courseId: z.string().min(1).max(64), assessmentId: z.string().min(1).max(64) });

export const GET = route({ auth: "user", params }, async ({ caller, params }) => {
  await requireCourseAccess(caller, params.courseId, "view");
  return { assessment: await loadBuilderAssessment(params.courseId, params.assessmentId) };
});

export const PATCH = route({ auth: "user", params, access: courseAccess("edit"), body: z.record(z.string(), z.unknown()) }, async ({ params, body }) => {
  const parsed = assessmentInputSchema.safeParse({ ...body, courseId: params.courseId, assessmentId: params.assessmentId });
  if (!parsed.success) throw invalid(parsed.error);
  const saved = await updateAssessment(params.courseId, params.assessmentId, parsed.data);
  return { assessment: { id: params.assessmentId, ...saved } };
});

export const DELETE = route({ auth: "user", params, access: courseAccess("edit") }, async ({ params }) => {
  await deleteDraftAssessment(params.courseId, params.assessmentId);
  return { deleted: params.assessmentId };
});
