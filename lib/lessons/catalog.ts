// The lesson files on disk, in course order. Pure data (no Next, no MDX loader) so tests and
// pages agree on which lessons exist; each entry's `meta` is validated where it is loaded.
import { LESSON_SLUGS, type LessonSlug } from "./meta";

export const LESSON_DIR = "content/lessons";

export function lessonFile(slug: LessonSlug): string {
  return `${LESSON_DIR}/${slug}.mdx`;
}

export { LESSON_SLUGS };
