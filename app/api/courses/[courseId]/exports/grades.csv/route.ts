// GET /api/courses/:courseId/exports/grades.csv: a row per student, a column per assessment,
// streamed (lib/analytics/grades-csv.ts pages through the students). Course INSTRUCTOR or TA.
import { z } from "zod";
import { gradesCsv } from "@/lib/analytics";
import { idSchema } from "@/lib/analytics/access";
import { csvResponse } from "@/lib/analytics/csv-response";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user", params: z.object({ courseId: idSchema }) }, async ({ caller, params }) =>
  csvResponse(gradesCsv(caller, params.courseId), `grades-${params.courseId}.csv`),
);
