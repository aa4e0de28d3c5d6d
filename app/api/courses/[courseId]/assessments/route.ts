// A course's assessments for its staff (drafts included); its instructors create new ones, as
// drafts. The body is the builder's: dates as ISO strings, slots as an array.
import { z } from "zod";
import { createAssessment, listCourseAssessments } from "@/lib/assessments/builder";
import { assessmentInputSchema } from "@/lib/assessments/builder-schema";
import { requireCourseAccess } from "@/lib/auth/course-roles";
import { invalid } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { courseAccess } from "@/lib/courses/access";

const params = z.object({ courseId: z.string().min(1).max(64) });
const body = z.record(z.string(), z.unknown());

export const GET = route({ auth: "user", params }, async ({ caller, params }) => {
  await requireCourseAccess(caller, params.courseId, "view");
  return { assessments: await listCourseAssessments(params.courseId) };
});

export const POST = route({ auth: "user", params, access: courseAccess("edit"), body }, async ({ params, body }) => {
  const parsed = assessmentInputSchema.safeParse({ ...body, courseId: params.courseId, assessmentId: undefined });
  if (!parsed.success) throw invalid(parsed.error);
  const created = await createAssessment(params.courseId, parsed.data);
  return Response.json({ assessment: created }, { status: 201 });
});
