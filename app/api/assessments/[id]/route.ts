import { assessmentDetail } from "@/lib/assessments/queries";
import { assessmentParamsSchema } from "@/lib/attempts/schema";
import { route } from "@/lib/http/route";

/** One assessment as the caller sees it: questions, attempts used, released scores, sitting. */
export const GET = route({ auth: "user", params: assessmentParamsSchema }, async ({ caller, params }) =>
  Response.json(await assessmentDetail(caller, params.id), { headers: { "cache-control": "no-store" } }),
);
