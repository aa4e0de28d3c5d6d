// GET: one question with its versions (INSTRUCTOR or TA). PUT {definition}: save it; a changed
// definition becomes the next version, an unchanged one adds nothing (INSTRUCTOR only).
import { z } from "zod";
import { getQuestion, saveQuestion } from "@/lib/authoring/server";
import { invalid } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { courseAccess } from "@/lib/courses/access";
import { parseDefinition } from "@/lib/questions/schema";

const params = z.object({ courseId: z.string().min(1).max(64), questionId: z.string().min(1).max(64) });

export const GET = route({ auth: "user", params }, async ({ caller, params: p }) => getQuestion(caller, p.courseId, p.questionId));

export const PUT = route({ auth: "user", params, access: courseAccess("edit"), body: z.object({ definition: z.unknown() }) }, async ({ caller, params: p, body }) => {
  const d = parseDefinition(body.definition);
  if (!d.ok) throw invalid(`The definition is not valid: ${d.errors.join("; ")}`);
  return saveQuestion(caller, p.courseId, p.questionId, d.definition);
});
