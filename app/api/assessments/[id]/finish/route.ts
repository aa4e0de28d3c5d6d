import { finishSitting } from "@/lib/assessments/sittings";
import { assessmentParamsSchema } from "@/lib/attempts/schema";
import { route } from "@/lib/http/route";

/** Hands the caller's quiz in before its deadline; answering is closed afterwards. */
export const POST = route({ auth: "user", params: assessmentParamsSchema }, async ({ caller, params }) =>
  Response.json({ sitting: await finishSitting(caller, params.id) }, { headers: { "cache-control": "no-store" } }),
);
