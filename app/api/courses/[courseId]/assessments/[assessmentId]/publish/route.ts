// Publish or unpublish: {"publish": true | false}. Empty assessments cannot be published; ones
// with attempts cannot be unpublished (409 with the reason).
import { z } from "zod";
import { setPublished } from "@/lib/assessments/builder";
import { route } from "@/lib/http/route";
import { courseAccess } from "@/lib/courses/access";

const params = z.object({ courseId: z.string().min(1).max(64), assessmentId: z.string().min(1).max(64) });

export const POST = route({ auth: "user", params, access: courseAccess("edit"), body: z.object({ publish: z.boolean() }) }, async ({ params, body }) => {
  await setPublished(params.courseId, params.assessmentId, body.publish);
  return { id: params.assessmentId, published: body.publish };
});
