// The shapes that cross the attempt path's edges: the submission body, route parameters, and the
// feedback JSON read back from the database (stored by this code, but a row is still an edge).
import { z } from "zod";
import { anyAnswerSchema } from "@/lib/grading/answers";
import { PYTHON_VERSIONS } from "@/lib/questions/mechanisms";

const id = z.string().trim().min(1, { error: "is required" }).max(64, { error: "is too long" });

export const submitAttemptSchema = z.strictObject({
  assessmentId: id,
  questionId: id,
  /** Checked against the question's answer kind by submitAttempt (lib/grading's schemas). */
  answer: z.unknown(),
  /** Chosen by the client, the same on every retry of one submission. */
  idempotencyKey: z
    .string({ error: "idempotencyKey is required: a string the client repeats on every retry of one submission" })
    .min(8, { error: "must be at least 8 characters" })
    .max(128, { error: "must be at most 128 characters" })
    .regex(/^[A-Za-z0-9._:-]+$/, { error: "may use letters, digits and . _ : - only" }),
});
export type SubmitAttemptInput = z.infer<typeof submitAttemptSchema>;

export const assessmentParamsSchema = z.object({ id });
export const variantParamsSchema = z.object({ id, questionId: id });

export const listAttemptsQuerySchema = z.object({
  assessmentId: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const pythonVersionSchema = z.enum(PYTHON_VERSIONS);

export const keyMomentSchema = z.object({
  line: z.number(),
  source: z.string(),
  why: z.string(),
  frames: z.array(z.object({ name: z.string(), locals: z.array(z.object({ name: z.string(), objectId: z.number() })) })),
  objects: z.array(z.object({ id: z.number(), type: z.string(), preview: z.string(), refcount: z.number().nullable() })),
  freed: z.array(z.number()),
});

export const feedbackSchema = z.object({
  summary: z.string(),
  expected: anyAnswerSchema,
  misconception: z.object({ id: z.string(), title: z.string(), explanation: z.string() }).optional(),
  keyMoment: keyMomentSchema.optional(),
});
export type Feedback = z.infer<typeof feedbackSchema>;
