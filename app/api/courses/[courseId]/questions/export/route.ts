// GET: the course's questions in content/questions' layout: a zip of <mechanism>/<slug>.json
// (default), or ?format=json for {files: [{path, text}]} (scripts).
import { z } from "zod";
import { exportCourse } from "@/lib/authoring/server";
import { zipFiles } from "@/lib/authoring/exchange";
import { route } from "@/lib/http/route";

const params = z.object({ courseId: z.string().min(1).max(64) });

export const GET = route({ auth: "user", params }, async ({ req, caller, params: p }) => {
  const files = await exportCourse(caller, p.courseId);
  if (new URL(req.url).searchParams.get("format") === "json") return { files };
  return new Response(Buffer.from(zipFiles(files)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="questions-${p.courseId}.zip"`,
      "Cache-Control": "no-store",
    },
  });
});
