// GET: the course's questions and the shared bank (INSTRUCTOR or TA). POST {definition}: a new
// question of the course (INSTRUCTOR), validated by the one question schema.
import { z } from "zod";
import { listQuestions, saveQuestion } from "@/lib/authoring/server";
import { invalid } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { courseAccess } from "@/lib/courses/access";
import { parseDefinition } from "@/lib/questions/schema";

const params = z.object({ courseId: z.string().min(1).max(64) });

export const GET = route({ auth: "user", params }, async ({ caller, params: p }) => listQuestions(caller, p.courseId));

export const POST = route({ auth: "user", params, access: courseAccess("edit"), body: z.object({ definition: z.unknown() }) }, async ({ caller, params: p, body }) => {
  const d = parseDefinition(body.definition);
  if (!d.ok) throw invalid(`The definition is not valid: ${d.errors.join("; ")}`);
  const saved = await saveQuestion(caller, p.courseId, null, d.definition);
  return Response.json(saved, { status: 201 });
});
