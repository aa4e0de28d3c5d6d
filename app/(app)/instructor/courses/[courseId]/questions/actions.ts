"use server";
// The editor's server actions. Each runs through action() (who is calling → zod), then the
// authoring service checks the caller's role in the course inside its own query: a TA may preview
// and check (reading), only the course's instructors may save, archive or run Pyodide. The draft
// is re-validated here from scratch; nothing the browser computed is trusted.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { draftSchema, draftToDefinition, type DraftErrors } from "@/lib/authoring/draft";
import { crossCheck, type CrossCheck } from "@/lib/authoring/pyodide/crosscheck";
import { courseFormAccess } from "@/lib/courses/access";
import { checkVariants, editCourse, getQuestion, previewVariants, saveQuestion, setArchived, versionTable, viewCourse, type CheckReport, type Preview, type VersionRow } from "@/lib/authoring/server";
import { action } from "@/lib/http/action";
import { invalid } from "@/lib/http/errors";

const id = z.string().min(1).max(64);
const draftJson = z
  .string()
  .max(200_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "the draft is not JSON" });
      return z.NEVER;
    }
  })
  .pipe(draftSchema);
const draftInput = z.object({ courseId: id, draft: draftJson });
const seedInput = draftInput.extend({ seed: z.coerce.number().int().min(0).max(2 ** 32 - 1) });

type Judged<T> = { ok: false; errors: DraftErrors } | ({ ok: true } & T);

const base = (courseId: string) => `/instructor/courses/${courseId}/questions`;

export const previewAction = action({ auth: "user", access: courseFormAccess("view"), input: draftInput }, async ({ caller, input }) => {
  await viewCourse(caller, input.courseId);
  const d = draftToDefinition(input.draft);
  const data: Judged<{ preview: Preview }> = d.ok ? { ok: true, preview: previewVariants(d.definition, [0, 1, 2]) } : { ok: false, errors: d.errors };
  return { message: d.ok ? "Preview updated." : "The draft has errors.", data };
});

export const checkAction = action({ auth: "user", access: courseFormAccess("view"), input: draftInput }, async ({ caller, input }) => {
  await viewCourse(caller, input.courseId);
  const d = draftToDefinition(input.draft);
  const data: Judged<{ report: CheckReport }> = d.ok ? { ok: true, report: await checkVariants(d.definition, { seeds: 100 }) } : { ok: false, errors: d.errors };
  return { message: "Checked.", data };
});

export const versionsAction = action({ auth: "user", access: courseFormAccess("view"), input: seedInput }, async ({ caller, input }) => {
  await viewCourse(caller, input.courseId);
  const d = draftToDefinition(input.draft);
  const data: Judged<{ rows: VersionRow[] }> = d.ok ? { ok: true, rows: versionTable(d.definition, input.seed) } : { ok: false, errors: d.errors };
  return { message: "Compared.", data };
});

// Pyodide is one shared worker: only instructors may queue work on it.
export const crossCheckAction = action({ auth: "user", access: courseFormAccess("edit"), input: seedInput }, async ({ caller, input }) => {
  await editCourse(caller, input.courseId);
  const d = draftToDefinition(input.draft);
  const data: Judged<{ result: CrossCheck }> = d.ok ? { ok: true, result: await crossCheck(d.definition, input.seed) } : { ok: false, errors: d.errors };
  return { message: "Cross-checked.", data };
});

type Saved = Judged<{ version: number; action: string }>;

export const saveAction = action({ auth: "user", access: courseFormAccess("view"), input: draftInput.extend({ questionId: z.union([id, z.literal("")]).default("") }) }, async ({ caller, input }): Promise<{ message: string; data: Saved }> => {
  const d = draftToDefinition(input.draft);
  if (!d.ok) {
    await viewCourse(caller, input.courseId);
    const data: Saved = { ok: false, errors: d.errors };
    return { message: "The draft has errors: fix them before saving.", data };
  }
  const saved = await saveQuestion(caller, input.courseId, input.questionId || null, d.definition);
  revalidatePath(base(input.courseId));
  if (!input.questionId) redirect(`${base(input.courseId)}/${saved.questionId}?created=1`);
  revalidatePath(`${base(input.courseId)}/${saved.questionId}`);
  const data: Saved = { ok: true, version: saved.version, action: saved.action };
  return { message: saved.action === "unchanged" ? `Nothing changed: version ${saved.version} stays current.` : `Saved as version ${saved.version}.`, data };
});

export const archiveAction = action(
  { auth: "user", access: courseFormAccess("edit"), input: z.object({ courseId: id, questionId: id, archived: z.enum(["true", "false"]).transform((v) => v === "true") }) },
  async ({ caller, input }) => {
    await setArchived(caller, input.courseId, input.questionId, input.archived);
    revalidatePath(base(input.courseId));
    return { message: input.archived ? "Archived: it stays in past assessments, but is hidden from new ones." : "Restored.", data: null };
  },
);

/** Copies a shared-bank question into the course, where it can be edited. */
export const copyAction = action({ auth: "user", access: courseFormAccess("edit"), input: z.object({ courseId: id, questionId: id }) }, async ({ caller, input }) => {
  const q = await getQuestion(caller, input.courseId, input.questionId);
  if (q.courseId !== null) throw invalid("This question already belongs to the course.");
  const saved = await saveQuestion(caller, input.courseId, null, q.definition);
  revalidatePath(base(input.courseId));
  redirect(`${base(input.courseId)}/${saved.questionId}?created=1`);
});
