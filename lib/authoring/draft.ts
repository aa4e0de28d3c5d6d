// The editor's form, as the browser holds it, and its translation to a question definition.
// Structured fields (parameters, the answer's settings) are JSON text in the form, so an author
// can write any shape the format allows; the one zod schema (lib/questions/schema.ts) then judges
// the whole definition, and each of its issues is mapped back to the form field that caused it,
// so the message shows under that field rather than as a list of dotted paths at the top.
import { z } from "zod";
import { MECHANISMS, PYTHON_VERSIONS } from "@/lib/questions/mechanisms";
import { ANSWER_KINDS, questionDefinitionSchema, type QuestionDefinition } from "@/lib/questions/schema";

/** What the editor sends: strings and lists, exactly as typed. */
export const draftSchema = z.strictObject({
  slug: z.string().max(200),
  title: z.string().max(500),
  mechanism: z.string().max(100),
  prompt: z.string().max(20_000),
  code: z.string().max(20_000),
  mode: z.enum(["script", "repl"]),
  pythonVersions: z.array(z.enum(PYTHON_VERSIONS)).max(PYTHON_VERSIONS.length),
  params: z.string().max(20_000),
  answerKind: z.string().max(20),
  answerSettings: z.string().max(20_000),
  misconceptions: z.array(z.string().max(100)).max(50),
  constantAnswerReason: z.string().max(2_000),
  expectsException: z.boolean(),
  source: z.string().max(500),
});
export type Draft = z.infer<typeof draftSchema>;

/** The editor's fields; every error lands on one of them ("_form" when none fits). */
export const DRAFT_FIELDS = Object.keys(draftSchema.shape) as (keyof Draft)[];
export type DraftField = keyof Draft | "_form";
export type DraftErrors = Partial<Record<DraftField, string[]>>;

export const EMPTY_DRAFT: Draft = {
  slug: "",
  title: "",
  mechanism: MECHANISMS[0],
  prompt: "What does this program print?",
  code: "a = [{{n}}]\nb = a\nb.append(1)\nprint(len(a))\n",
  mode: "script",
  pythonVersions: [],
  params: '{\n  "n": { "int": [1, 9] }\n}',
  answerKind: "integer",
  answerSettings: "{}",
  misconceptions: [],
  constantAnswerReason: "",
  expectsException: false,
  source: "",
};

/** Two-space JSON, with arrays of scalars kept on one line ({"int": [1, 9]}), as authors write them. */
export function pretty(v: unknown): string {
  return JSON.stringify(v, null, 2).replace(/\[\n\s*([^[\]{}]*?)\n\s*\]/g, (_m, inner: string) => `[${inner.replace(/,\n\s*/g, ", ")}]`);
}

export function definitionToDraft(d: QuestionDefinition): Draft {
  const { kind, ...settings } = d.answer;
  return {
    slug: d.slug,
    title: d.title,
    mechanism: d.mechanism,
    prompt: d.prompt,
    code: d.code,
    mode: d.mode,
    pythonVersions: d.pythonVersions ? [...d.pythonVersions] : [],
    params: pretty(d.params),
    answerKind: kind,
    answerSettings: pretty(settings),
    misconceptions: d.misconceptions ? [...d.misconceptions] : [],
    constantAnswerReason: d.constantAnswer?.reason ?? "",
    expectsException: d.expectsException,
    source: d.source ?? "",
  };
}

/** Which form field a schema issue belongs to, and the message to show there. */
export function fieldOf(path: readonly PropertyKey[], message: string): { field: DraftField; message: string } {
  const [head, ...rest] = path.map(String);
  const where = (parts: string[]) => (parts.length > 0 ? `${parts.join(".")}: ${message}` : message);
  switch (head) {
    case undefined:
      return { field: "_form", message };
    case "answer":
      // `kind` itself is the select; anything under it is one of the kind's settings.
      return rest[0] === "kind" ? { field: "answerKind", message } : { field: "answerSettings", message: where(rest) };
    case "params":
      return { field: "params", message: where(rest) };
    case "constantAnswer":
      return { field: "constantAnswerReason", message };
    case "pythonVersions":
    case "misconceptions":
      return { field: head, message: where(rest) };
    default:
      return (DRAFT_FIELDS as string[]).includes(head) ? { field: head as DraftField, message: where(rest) } : { field: "_form", message: where([head, ...rest]) };
  }
}

export function errorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): DraftErrors {
  const out: DraftErrors = {};
  for (const issue of issues) {
    const { field, message } = fieldOf(issue.path, issue.message);
    (out[field] ??= []).push(message);
  }
  return out;
}

function parseJsonField(text: string, field: "params" | "answerSettings", errors: DraftErrors): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    (errors[field] ??= []).push(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

// The parameters field alone, as the browser judges it while the author types and before a save
// is sent: JSON text, then an object of named parameter specs by the definition's own schema.
// Rules across fields (placeholders, distinctFrom) are the whole definition's, judged on the server.
const paramsFieldSchema = z
  .string()
  .transform((text, ctx): unknown => {
    if (text.trim() === "") return {};
    try {
      return JSON.parse(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
      return z.NEVER;
    }
  })
  .pipe(
    z.unknown().superRefine((v, ctx) => {
      if (v === null || typeof v !== "object" || Array.isArray(v)) {
        ctx.addIssue({ code: "custom", message: 'the parameters are a JSON object of name: spec, e.g. {"n": {"int": [1, 9]}}' });
      }
    }),
  )
  .pipe(questionDefinitionSchema.shape.params);

/** What is wrong with the parameters text on its own, as messages for the field ([] when nothing). */
export function paramsProblems(text: string): string[] {
  const parsed = paramsFieldSchema.safeParse(text);
  return parsed.success ? [] : parsed.error.issues.map((i) => fieldOf(["params", ...i.path], i.message).message);
}

export type DraftResult = { ok: true; definition: QuestionDefinition } | { ok: false; errors: DraftErrors };

/** The draft as a definition, or every problem at its field. */
export function draftToDefinition(draft: Draft): DraftResult {
  const errors: DraftErrors = {};
  const params = parseJsonField(draft.params, "params", errors);
  const settings = parseJsonField(draft.answerSettings, "answerSettings", errors);
  if (settings !== undefined && (settings === null || typeof settings !== "object" || Array.isArray(settings))) {
    (errors.answerSettings ??= []).push('the answer settings are a JSON object, e.g. {"line": -1}');
  }
  if (!(ANSWER_KINDS as readonly string[]).includes(draft.answerKind)) (errors.answerKind ??= []).push(`one of ${ANSWER_KINDS.join(", ")}`);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input = {
    slug: draft.slug.trim(),
    title: draft.title.trim(),
    mechanism: draft.mechanism,
    prompt: draft.prompt,
    code: draft.code,
    params,
    mode: draft.mode,
    ...(draft.pythonVersions.length > 0 ? { pythonVersions: draft.pythonVersions } : {}),
    expectsException: draft.expectsException,
    ...(draft.constantAnswerReason.trim() ? { constantAnswer: { reason: draft.constantAnswerReason.trim() } } : {}),
    ...(draft.misconceptions.length > 0 ? { misconceptions: draft.misconceptions } : {}),
    ...(draft.source.trim() ? { source: draft.source.trim() } : {}),
    // `kind` last: a settings object that names a kind of its own does not override the select.
    answer: { ...(settings as Record<string, unknown>), kind: draft.answerKind },
  };
  const parsed = questionDefinitionSchema.safeParse(input);
  return parsed.success ? { ok: true, definition: parsed.data } : { ok: false, errors: errorsOf(parsed.error.issues) };
}

export { MECHANISMS, PYTHON_VERSIONS, ANSWER_KINDS };
