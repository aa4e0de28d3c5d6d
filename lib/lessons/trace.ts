// What the memory visualizer receives: the simulator's trace, parsed at this edge (the trace is
// built by another module and its shape may grow) and cut down to the fields the picture needs,
// so the client bundle gets a small, stable DTO.
import { z } from "zod";
import type { PythonVersion } from "@/lib/questions/mechanisms";

const objectSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  preview: z.string(),
  refcount: z.number().int().nullable(),
  generation: z.number().int().nullable().optional(),
  tracked: z.boolean().optional(),
  interned: z.boolean().optional(),
  immortal: z.boolean().optional(),
  refs: z.array(z.number().int()).default([]),
  unreachable: z.literal(true).optional(),
});

const stepSchema = z.object({
  line: z.number().int(),
  event: z.string().optional(),
  frames: z.array(z.object({ name: z.string(), locals: z.array(z.object({ name: z.string(), objectId: z.number().int() })) })),
  objects: z.array(objectSchema),
  freed: z.array(z.number().int()),
  /** Present when the simulator lists garbage itself (objects flagged `unreachable`). */
  unreachable: z.array(z.number().int()).optional(),
  stdout: z.string(),
});

export const runResultSchema = z.object({
  stdout: z.string(),
  stderr: z.string(),
  exitCode: z.number().int(),
  trace: z.array(stepSchema).optional(),
});

export interface StepObject {
  id: number;
  type: string;
  preview: string;
  /** sys.getrefcount(obj) - 1 as the simulator computes it; null when not modelled. */
  refcount: number | null;
  generation: number | null;
  interned: boolean;
  immortal: boolean;
  refs: number[];
  /**
   * Alive but no longer reachable from any frame: a container the trace stopped listing without
   * freeing it (a garbage cycle waiting for the collector). Its refcount is then the number of
   * references from the other objects shown, which for such a group is all of them.
   */
  unreachable?: boolean;
}

export interface StepperStep {
  line: number;
  /** The program has finished: `line` is the last line that ran, not the next one. */
  done: boolean;
  frames: { name: string; locals: { name: string; objectId: number }[] }[];
  objects: StepObject[];
  /** Objects freed by the statement that led here, with their last look, so they can fade out. */
  freed: StepObject[];
  stdout: string;
}

export type StepperRun = { python: PythonVersion; ok: true; steps: StepperStep[]; stdout: string } | { python: PythonVersion; ok: false; error: string };

/** Turns a raw simulator result into the visualizer's steps, or an error a student can read. */
export function toStepperRun(python: PythonVersion, raw: unknown): StepperRun {
  const parsed = runResultSchema.safeParse(raw);
  if (!parsed.success) return { python, ok: false, error: "The simulator returned a trace this page cannot read." };
  const r = parsed.data;
  if (r.exitCode !== 0 && r.exitCode !== 1) return { python, ok: false, error: r.stderr.trim() || `The simulator could not run this program (exit ${r.exitCode}).` };
  const trace = r.trace ?? [];
  if (trace.length === 0) return { python, ok: false, error: "The simulator recorded no steps for this program." };
  const lastSeen = new Map<number, StepObject>();
  const freedSoFar = new Set<number>();
  const steps: StepperStep[] = trace.map((s) => {
    const byId = new Map(s.objects.map((o) => [o.id, o]));
    const objects: StepObject[] = s.objects.map((o) => ({
      id: o.id,
      type: o.type,
      preview: contents(o, byId) ?? o.preview,
      refcount: o.refcount,
      generation: o.generation ?? null,
      interned: o.interned ?? false,
      immortal: o.immortal ?? false,
      refs: o.refs,
      ...(o.unreachable ? { unreachable: true } : {}),
    }));
    const freed = s.freed.flatMap((id) => {
      const o = lastSeen.get(id);
      return o ? [{ ...o, refcount: 0 }] : [];
    });
    for (const id of s.freed) freedSoFar.add(id);
    for (const o of objects) lastSeen.set(o.id, o);
    // the simulator lists garbage with its real counts; older traces need it rebuilt from history
    if (!s.unreachable) {
      const unreachable = unreachableObjects(objects, lastSeen, freedSoFar);
      for (const o of unreachable) lastSeen.set(o.id, o);
      objects.push(...unreachable);
    }
    return { line: s.line, done: s.event === "end", frames: s.frames, objects, freed, stdout: s.stdout };
  });
  return { python, ok: true, steps, stdout: r.stdout };
}

const SHARED_TYPES = new Set(["function", "type", "module", "builtin_function_or_method"]);

/**
 * Containers seen before, never freed, and missing from this step's reachable set. Only tracked
 * containers with a modelled count qualify: an int or string can vanish from view while a code
 * object's constants still hold it, which is not a leak.
 */
function unreachableObjects(reachable: StepObject[], lastSeen: Map<number, StepObject>, freed: Set<number>): StepObject[] {
  const here = new Set(reachable.map((o) => o.id));
  const lost = [...lastSeen.values()].filter((o) => !here.has(o.id) && !freed.has(o.id) && o.generation !== null && o.refcount !== null && !SHARED_TYPES.has(o.type));
  const all = [...reachable, ...lost];
  return lost.map((o) => ({ ...o, unreachable: true, refcount: all.reduce((n, other) => n + other.refs.filter((r) => r === o.id).length, 0) }));
}

type RawObject = z.infer<typeof objectSchema>;
const SCALARS = new Set(["int", "str", "float", "bool", "NoneType"]);

/**
 * A list, tuple or dict written out like its repr when its items are scalars the trace also lists
 * (the simulator's own preview is "list of 3"); nested containers appear as "…". Null when the
 * items are not all known, so the simulator's preview is kept.
 */
function contents(o: RawObject, byId: Map<number, RawObject>): string | null {
  const open = o.type === "list" ? "[" : o.type === "tuple" ? "(" : o.type === "dict" ? "{" : null;
  if (open === null || o.refs.length > 8) return null;
  const items = o.refs.map((id) => byId.get(id));
  if (items.some((i) => i === undefined)) return null;
  const show = (i: RawObject | undefined) => (i && SCALARS.has(i.type) ? (i.type === "NoneType" ? "None" : i.preview) : "…");
  let body: string;
  if (o.type === "dict") {
    if (items.length % 2) return null;
    const pairs: string[] = [];
    for (let k = 0; k < items.length; k += 2) pairs.push(`${show(items[k])}: ${show(items[k + 1])}`);
    body = pairs.join(", ");
  } else {
    body = items.map(show).join(", ") + (o.type === "tuple" && items.length === 1 ? "," : "");
  }
  const close = { "[": "]", "(": ")", "{": "}" }[open];
  return `${open}${body}${close}`;
}
