import { listMyAssessments } from "@/lib/assessments/queries";
import { route } from "@/lib/http/route";

/** The published assessments of the courses the caller is a student in, with released scores. */
export const GET = route({ auth: "user" }, async ({ caller }) =>
  Response.json({ assessments: await listMyAssessments(caller) }, { headers: { "cache-control": "no-store" } }),
);
