// Compiles a lesson with the same MDX version @next/mdx uses and renders it on the server with
// recording stand-ins for the lesson components, so tests see exactly the props the page would
// receive (a regex over the .mdx text would disagree with the real parser on escapes).
import { readFileSync } from "node:fs";
import path from "node:path";
import { evaluate } from "@mdx-js/mdx";
import { createElement, type ReactNode } from "react";
import * as runtime from "react/jsx-runtime";
import { renderToStaticMarkup } from "react-dom/server";
import { lessonFile } from "@/lib/lessons/catalog";
import { type LessonMeta, lessonMetaSchema, type LessonSlug } from "@/lib/lessons/meta";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

export type Recorded = { component: string; props: Record<string, unknown> };

export interface CompiledLesson {
  slug: LessonSlug;
  meta: LessonMeta;
  html: string;
  used: Recorded[];
}

const COMPONENTS = ["Predict", "MemoryStepper", "RaceStepper", "Check"] as const;

export async function compileLesson(slug: LessonSlug): Promise<CompiledLesson> {
  const source = readFileSync(path.join(ROOT, lessonFile(slug)), "utf8");
  const mod = await evaluate(source, { ...runtime, baseUrl: import.meta.url });
  const used: Recorded[] = [];
  const components = Object.fromEntries(
    COMPONENTS.map((name) => [
      name,
      (props: Record<string, unknown> & { children?: ReactNode }) => {
        used.push({ component: name, props });
        return createElement("div", { "data-component": name }, props.children ?? null);
      },
    ]),
  );
  const html = renderToStaticMarkup(createElement(mod.default, { components }));
  return { slug, meta: lessonMetaSchema.parse(mod.meta), html, used };
}

export function stringProp(r: Recorded, name: string): string | undefined {
  const v = r.props[name];
  return typeof v === "string" ? v : undefined;
}
