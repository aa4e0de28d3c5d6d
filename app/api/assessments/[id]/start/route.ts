import { startSitting } from "@/lib/assessments/sittings";
import { assessmentParamsSchema } from "@/lib/attempts/schema";
import { route } from "@/lib/http/route";

/** Starts the caller's quiz sitting (201), or returns the running one (200): the clock never resets. */
export const POST = route({ auth: "user", params: assessmentParamsSchema }, async ({ caller, params }) => {
  const { sitting, started } = await startSitting(caller, params.id);
  return Response.json({ sitting, serverNow: new Date().toISOString() }, { status: started ? 201 : 200, headers: { "cache-control": "no-store" } });
});

