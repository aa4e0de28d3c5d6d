// The lessons' inline checks: question definitions in the bank's own format
// (lib/questions/schema.ts), one JSON file per lesson, graded by the same path as exercises.
// Imported statically so they ship with the server bundle; never imported by client code, since
// the definitions of concept questions contain their answers.
import { parseDefinition, type QuestionDefinition } from "@/lib/questions/schema";
import type { LessonSlug } from "./meta";
import overview from "@/content/lessons/checks/overview.json";
import namesReferencesObjects from "@/content/lessons/checks/names-references-objects.json";
import codeStackHeap from "@/content/lessons/checks/code-stack-heap.json";
import immutable from "@/content/lessons/checks/immutable.json";
import mutable from "@/content/lessons/checks/mutable.json";
import refcount from "@/content/lessons/checks/refcount.json";
import refcountCosts from "@/content/lessons/checks/refcount-costs.json";
import gc from "@/content/lessons/checks/gc.json";
import pooling from "@/content/lessons/checks/pooling.json";
import interning from "@/content/lessons/checks/interning.json";
import manual from "@/content/lessons/checks/manual.json";
import pythonVersions from "@/content/lessons/checks/python-versions.json";

const RAW: Record<LessonSlug, unknown[]> = {
  overview,
  "names-references-objects": namesReferencesObjects,
  "code-stack-heap": codeStackHeap,
  immutable,
  mutable,
  refcount,
  "refcount-costs": refcountCosts,
  gc,
  pooling,
  interning,
  manual,
  "python-versions": pythonVersions,
};

export interface LessonCheck {
  lesson: LessonSlug;
  definition: QuestionDefinition;
}

let cache: Map<string, LessonCheck> | null = null;

/** Every check by id; throws on an invalid definition or a duplicate id (a content bug). */
export function allChecks(): Map<string, LessonCheck> {
  if (cache) return cache;
  const map = new Map<string, LessonCheck>();
  for (const [lesson, list] of Object.entries(RAW) as [LessonSlug, unknown[]][]) {
    for (const raw of list) {
      const r = parseDefinition(raw);
      if (!r.ok) throw new Error(`content/lessons/checks/${lesson}.json: ${r.errors.join("; ")}`);
      if (map.has(r.definition.slug)) throw new Error(`check id ${r.definition.slug} is used twice`);
      map.set(r.definition.slug, { lesson, definition: r.definition });
    }
  }
  cache = map;
  return map;
}

export function checksOf(lesson: LessonSlug): LessonCheck[] {
  return [...allChecks().values()].filter((c) => c.lesson === lesson);
}
