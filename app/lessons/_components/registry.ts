// The lessons' MDX modules, compiled by @next/mdx at build time. A literal import per lesson
// (rather than a template-string import) so the bundler sees exactly these twelve files.
import type { MDXContent } from "mdx/types";
import { lessonMetaSchema, type LessonMeta, type LessonSlug, LESSON_SLUGS } from "@/lib/lessons/meta";

type MdxModule = { default: MDXContent };

const LOADERS: Record<LessonSlug, () => Promise<MdxModule>> = {
  overview: () => import("@/content/lessons/overview.mdx"),
  "names-references-objects": () => import("@/content/lessons/names-references-objects.mdx"),
  "code-stack-heap": () => import("@/content/lessons/code-stack-heap.mdx"),
  immutable: () => import("@/content/lessons/immutable.mdx"),
  mutable: () => import("@/content/lessons/mutable.mdx"),
  refcount: () => import("@/content/lessons/refcount.mdx"),
  "refcount-costs": () => import("@/content/lessons/refcount-costs.mdx"),
  gc: () => import("@/content/lessons/gc.mdx"),
  pooling: () => import("@/content/lessons/pooling.mdx"),
  interning: () => import("@/content/lessons/interning.mdx"),
  manual: () => import("@/content/lessons/manual.mdx"),
  "python-versions": () => import("@/content/lessons/python-versions.mdx"),
};

export interface LoadedLesson {
  slug: LessonSlug;
  meta: LessonMeta;
  Content: MDXContent;
}

export async function loadLesson(slug: LessonSlug): Promise<LoadedLesson> {
  const mod = await LOADERS[slug]();
  // `meta` is a plain export of the MDX file; the schema is its only check.
  const meta = lessonMetaSchema.parse(Reflect.get(mod, "meta"));
  return { slug, meta, Content: mod.default };
}

/** Every lesson in course order. */
export async function loadAllLessons(): Promise<LoadedLesson[]> {
  const all = await Promise.all(LESSON_SLUGS.map(loadLesson));
  return all.sort((a, b) => a.meta.order - b.meta.order);
}
