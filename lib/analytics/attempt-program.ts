// The program one attempt was about (its variant's code, the Python version and mode it was
// graded under), for the drill-down's step-through of a single attempt. Only that attempt's
// variant is rebuilt (from the version's definition and the attempt's seed): tracing every
// attempt of a student on every page view would cost a simulator run each.
import type { Caller } from "@/lib/auth/caller";
import { definitionOf, variantOf } from "@/lib/attempts/keys";
import { pythonVersionSchema } from "@/lib/attempts/schema";
import { getPrisma } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { PythonVersion } from "@/lib/questions/mechanisms";
import { authorizeCourse, idSchema } from "./access";

export type AttemptProgram = { attemptId: string; code: string; python: PythonVersion; mode: "script" | "repl" };

export async function attemptProgram(caller: Caller, courseId: string, userId: string, attemptId: string): Promise<AttemptProgram> {
  const { course } = await authorizeCourse(caller, courseId);
  const attempt = await getPrisma().attempt.findFirst({
    // The course and the student are in the where: an id from another course is simply absent.
    where: { id: idSchema.parse(attemptId), userId: idSchema.parse(userId), assessment: { courseId: course.id } },
    select: { id: true, seed: true, pythonVersion: true, questionVersion: { select: { id: true, definition: true } } },
  });
  if (!attempt) throw notFound("No such attempt of this student.");
  const definition = definitionOf(attempt.questionVersion);
  const variant = variantOf(definition, attempt.seed);
  return { attemptId: attempt.id, code: variant.code, python: pythonVersionSchema.parse(attempt.pythonVersion), mode: definition.mode };
}
