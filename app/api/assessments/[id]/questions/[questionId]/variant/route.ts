import { variantParamsSchema } from "@/lib/attempts/schema";
import { getVariant } from "@/lib/attempts/variants";
import { route } from "@/lib/http/route";

/** The caller's variant of a question for their current attempt: prompt, code, answer widget; no key. */
export const GET = route({ auth: "user", params: variantParamsSchema }, async ({ caller, params }) =>
  Response.json(await getVariant(caller, params.id, params.questionId), { headers: { "cache-control": "no-store" } }),
);
