// Publish or unpublish: {"publish": true | false}. Empty assessments cannot be published; ones
// with attempts cannot be unpublished (409 with the reason).
import { z } from "zod";
import { setPublished } from "@/lib/assessments/builder";
import { requireCourseAccess } from "@/lib/auth/course-roles";
import { route } from "@/lib/http/route";

const params = z.object({ courseId: z.string().min(1).max(64), assessmentId: z.string().min(1).max(64) });

export const POST = route({ auth: "user", params, body: z.object({ publish: z.boolean() }) }, async ({ caller, params, body }) => {
  await requireCourseAccess(caller, params.courseId, "edit");
  await setPublished(params.courseId, params.assessmentId, body.publish);
  return { id: params.assessmentId, published: body.publish };
});
