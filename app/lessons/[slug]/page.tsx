import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isLessonSlug, LESSON_SLUGS } from "@/lib/lessons/meta";
import { lessonComponents } from "../_components/lesson-components";
import { loadAllLessons, loadLesson } from "../_components/registry";

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return LESSON_SLUGS.map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  if (!isLessonSlug(slug)) return {};
  const { meta } = await loadLesson(slug);
  return { title: meta.title, description: meta.summary };
}

export default async function LessonPage({ params }: Props) {
  const { slug } = await params;
  if (!isLessonSlug(slug)) notFound();
  const [{ Content, meta }, all] = await Promise.all([loadLesson(slug), loadAllLessons()]);
  const i = all.findIndex((l) => l.slug === slug);
  const prev = all[i - 1];
  const next = all[i + 1];
  return (
    <article data-testid="lesson" data-slug={slug} className="mx-auto max-w-3xl">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        <Link href="/lessons" className="hover:underline">
          Lessons
        </Link>{" "}
        / <span aria-current="page">{meta.title}</span>
      </nav>
      <Content components={lessonComponents} />
      <nav aria-label="Lesson navigation" className="mt-12 flex flex-wrap justify-between gap-3 border-t border-zinc-200 pt-4 text-sm dark:border-zinc-800">
        {prev ? (
          <Link href={`/lessons/${prev.slug}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
            ← {prev.meta.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/lessons/${next.slug}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
            {next.meta.title} →
          </Link>
        ) : null}
      </nav>
    </article>
  );
}
