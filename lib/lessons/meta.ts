// A lesson's metadata: each content/lessons/<slug>.mdx exports `meta`, and this schema is the one
// gate it passes before the index or a page trusts it (MDX exports are plain JS, so nothing else
// checks their shape).
import { z } from "zod";
import { MECHANISMS, PYTHON_VERSIONS } from "@/lib/questions/mechanisms";

export const LESSON_SLUGS = [
  "overview",
  ...MECHANISMS,
  "python-versions",
] as const;
export type LessonSlug = (typeof LESSON_SLUGS)[number];

export const lessonMetaSchema = z.strictObject({
  title: z.string().min(3).max(80),
  order: z.number().int().min(0),
  /** The course-notes mechanism the lesson teaches; the overview and the versions page teach none. */
  mechanism: z.enum(MECHANISMS).nullable(),
  summary: z.string().min(20).max(240),
});
export type LessonMeta = z.infer<typeof lessonMetaSchema>;

export const pythonVersionSchema = z.enum(PYTHON_VERSIONS);
export const modeSchema = z.enum(["script", "repl"]);

export function isLessonSlug(s: string): s is LessonSlug {
  return (LESSON_SLUGS as readonly string[]).includes(s);
}
