// GET: one question's current definition as its content/questions file (<slug>.json).
import { z } from "zod";
import { getQuestion } from "@/lib/authoring/server";
import { route } from "@/lib/http/route";
import { definitionText } from "@/lib/authoring/versions";

const params = z.object({ courseId: z.string().min(1).max(64), questionId: z.string().min(1).max(64) });

export const GET = route({ auth: "user", params }, async ({ caller, params: p }) => {
  const q = await getQuestion(caller, p.courseId, p.questionId);
  return new Response(definitionText(q.definition), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${q.definition.slug}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
