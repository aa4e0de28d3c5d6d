// GET /api/assessments/:id/exports/attempts.csv: every attempt of the assessment, oldest first,
// streamed in keyset pages (lib/analytics/attempts-csv.ts). Course INSTRUCTOR or TA; no keys.
import { z } from "zod";
import { assessmentAttemptsCsv } from "@/lib/analytics";
import { idSchema } from "@/lib/analytics/access";
import { csvResponse } from "@/lib/analytics/csv-response";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user", params: z.object({ id: idSchema }) }, async ({ caller, params }) =>
  csvResponse(assessmentAttemptsCsv(caller, params.id), `attempts-${params.id}.csv`),
);
