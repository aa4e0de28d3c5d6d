// The question template format. This one zod schema validates the bank files in
// content/questions/<mechanism>/<slug>.json and the JSON stored as QuestionVersion.definition, so a
// template authored in the browser and one committed to git obey the same rules.
//
// Parameters are declarative (an integer range or a list of choices) rather than code, because
// instructors author them in the browser and the server must never run their JavaScript. Keys are
// never written here except for concept questions (choice, multi): every other key is computed by
// the simulator from the variant's code at grading time (lib/grading/key.ts).
import { z } from "zod";
import { MECHANISMS, PYTHON_VERSIONS } from "./mechanisms";

export const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `{{name}}` or `{{name.field}}`, the only placeholder syntax in prompt, code and options. */
export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?\s*\}\}/g;
/** A marked line ends with `# (A)`: students see the mark, the prompt refers to it. */
export const MARKER = /#\s*\(([A-Z])\)\s*$/;

const ident = z.string().regex(IDENT, { error: "must be an identifier (letters, digits, _)" });
// A newline inside a value would shift the code's line numbers and break markers.
const scalar = z.union([
  z.string().max(200).refine((s) => !/[\r\n]/.test(s), { error: "a parameter value may not contain a newline" }),
  z.number().finite(),
]);
export const paramValueSchema = z.union([scalar, z.record(ident, scalar)]);
export type ParamValue = z.infer<typeof paramValueSchema>;

const distinctFrom = z.array(ident).optional();
export const paramSpecSchema = z.union([
  z
    .strictObject({ int: z.tuple([z.number().int(), z.number().int()]), distinctFrom })
    .refine((p) => p.int[0] <= p.int[1], { error: "int range must be [low, high] with low <= high", path: ["int"] }),
  z.strictObject({ choice: z.array(paramValueSchema).min(1), distinctFrom }),
]);
export type ParamSpec = z.infer<typeof paramSpecSchema>;

const marker = z.string().regex(/^[A-Z]$/, { error: "a marker is one capital letter, written in the code as # (A)" });
const stdoutLine = {
  from: z.literal("stdout-line").default("stdout-line"),
  /** Which line of stdout holds the value; negative counts from the end (-1 = last print). */
  line: z.number().int().default(-1),
};
const options = z.array(z.string().min(1)).min(2).max(8);

export const answerSpecSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("integer"), ...stdoutLine }),
  z.strictObject({ kind: z.literal("boolean"), ...stdoutLine }),
  z.strictObject({ kind: z.literal("output") }),
  z.strictObject({
    kind: z.literal("freed"),
    targets: z
      .array(
        z.strictObject({
          id: ident,
          /** What the student sees, e.g. "the list first bound to a". */
          label: z.string().min(1),
          /** The object is the one bound to `name` in `frame` just after the marked line ran. */
          name: ident,
          at: marker,
          frame: z.string().default("<module>"),
        }),
      )
      .min(1)
      .max(8),
  }),
  z.strictObject({ kind: z.literal("race") }),
  z.strictObject({ kind: z.literal("choice"), options, correct: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal("multi"), options, correct: z.array(z.number().int().min(0)) }),
  z.strictObject({
    kind: z.literal("diagram"),
    at: marker,
    names: z.array(ident).min(2).max(8),
    frame: z.string().default("<module>"),
  }),
]);
export type AnswerSpec = z.infer<typeof answerSpecSchema>;
export type AnswerKind = AnswerSpec["kind"];
export const ANSWER_KINDS = ["integer", "boolean", "output", "freed", "race", "choice", "multi", "diagram"] as const satisfies readonly AnswerKind[];

export const questionDefinitionSchema = z
  .strictObject({
    format: z.literal(1).default(1),
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "slug is lowercase words joined by -" }),
    title: z.string().min(3).max(120),
    mechanism: z.enum(MECHANISMS),
    /** Markdown shown to the student, with {{param}} placeholders. */
    prompt: z.string().min(10),
    /** Python source with {{param}} placeholders; empty only for concept questions. */
    code: z.string().default(""),
    params: z.record(ident, paramSpecSchema).default({}),
    mode: z.enum(["script", "repl"]).default("script"),
    /** Versions whose behaviour the template is about; grading under another version is refused. */
    pythonVersions: z.array(z.enum(PYTHON_VERSIONS)).min(1).optional(),
    /** The code raises on purpose: the simulator must exit 1 and stdout is still the key's source. */
    expectsException: z.boolean().default(false),
    /** The key is the same for every seed, on purpose; the bank test wants the reason. */
    constantAnswer: z.strictObject({ reason: z.string().min(10) }).optional(),
    /** Misconception ids worth testing for on this template; others are not reported. */
    misconceptions: z.array(z.string()).optional(),
    /** Where in the course notes this comes from, for authors. */
    source: z.string().optional(),
    answer: answerSpecSchema,
  })
  .superRefine((def, ctx) => {
    const names = new Set(Object.keys(def.params));
    const texts: [string, (string | number)[]][] = [
      [def.prompt, ["prompt"]],
      [def.code, ["code"]],
    ];
    if (def.answer.kind === "choice" || def.answer.kind === "multi") {
      def.answer.options.forEach((o, i) => texts.push([o, ["answer", "options", i]]));
    }
    for (const [text, path] of texts) {
      for (const m of text.matchAll(PLACEHOLDER)) {
        if (!names.has(m[1])) ctx.addIssue({ code: "custom", path, message: `placeholder {{${m[1]}}} names no parameter` });
      }
    }
    for (const [name, spec] of Object.entries(def.params)) {
      for (const other of spec.distinctFrom ?? []) {
        if (!names.has(other) || other === name) {
          ctx.addIssue({ code: "custom", path: ["params", name, "distinctFrom"], message: `distinctFrom names no other parameter: ${other}` });
        }
      }
      if ("int" in spec && spec.distinctFrom?.length && spec.int[1] - spec.int[0] < spec.distinctFrom.length) {
        ctx.addIssue({ code: "custom", path: ["params", name, "int"], message: "range too small to differ from every distinctFrom parameter" });
      }
    }
    if (paramCycle(def.params)) ctx.addIssue({ code: "custom", path: ["params"], message: "distinctFrom forms a cycle" });

    const needsCode = !(def.answer.kind === "choice" || def.answer.kind === "multi");
    if (needsCode && def.code.trim() === "") ctx.addIssue({ code: "custom", path: ["code"], message: `a ${def.answer.kind} question needs code to simulate` });

    const marks = new Set<string>();
    def.code.split("\n").forEach((line) => {
      const m = MARKER.exec(line);
      if (m) {
        if (marks.has(m[1])) ctx.addIssue({ code: "custom", path: ["code"], message: `marker (${m[1]}) appears twice` });
        marks.add(m[1]);
      }
    });
    const a = def.answer;
    if (a.kind === "diagram" && !marks.has(a.at)) ctx.addIssue({ code: "custom", path: ["answer", "at"], message: `no line is marked # (${a.at})` });
    if (a.kind === "freed") {
      a.targets.forEach((t, i) => {
        if (!marks.has(t.at)) ctx.addIssue({ code: "custom", path: ["answer", "targets", i, "at"], message: `no line is marked # (${t.at})` });
      });
      if (new Set(a.targets.map((t) => t.id)).size !== a.targets.length) ctx.addIssue({ code: "custom", path: ["answer", "targets"], message: "target ids must be unique" });
    }
    if (a.kind === "diagram" && new Set(a.names).size !== a.names.length) ctx.addIssue({ code: "custom", path: ["answer", "names"], message: "names must be unique" });
    if (a.kind === "choice" && a.correct >= a.options.length) ctx.addIssue({ code: "custom", path: ["answer", "correct"], message: "correct is not an option index" });
    if (a.kind === "multi") {
      a.correct.forEach((c, i) => {
        if (c >= a.options.length) ctx.addIssue({ code: "custom", path: ["answer", "correct", i], message: "correct is not an option index" });
      });
      if (new Set(a.correct).size !== a.correct.length) ctx.addIssue({ code: "custom", path: ["answer", "correct"], message: "correct lists an option twice" });
    }
  });

export type QuestionDefinition = z.infer<typeof questionDefinitionSchema>;
/** What an author writes (defaults not yet applied). */
export type QuestionDefinitionInput = z.input<typeof questionDefinitionSchema>;

function paramCycle(params: Record<string, ParamSpec>): boolean {
  const state = new Map<string, 1 | 2>();
  const visit = (n: string): boolean => {
    if (state.get(n) === 2) return false;
    if (state.get(n) === 1) return true;
    state.set(n, 1);
    for (const d of params[n]?.distinctFrom ?? []) if (params[d] && visit(d)) return true;
    state.set(n, 2);
    return false;
  };
  return Object.keys(params).some(visit);
}

/** Validates one definition; the error lists every problem with its field path. */
export function parseDefinition(input: unknown): { ok: true; definition: QuestionDefinition } | { ok: false; errors: string[] } {
  const r = questionDefinitionSchema.safeParse(input);
  if (r.success) return { ok: true, definition: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`) };
}
