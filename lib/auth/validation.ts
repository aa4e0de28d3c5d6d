// zod schemas for the account forms and APIs: one definition for the form, the action and tests.
import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254));

export const signUpSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  password: z
    .string()
    .min(10, "Use at least 10 characters.")
    // bcrypt reads only the first 72 bytes; a longer password would silently be truncated.
    .refine((p) => new TextEncoder().encode(p).length <= 72, "Use at most 72 bytes."),
  instructor: z
    .union([z.literal("on"), z.literal("true"), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(1000),
});

export const tokenNameSchema = z.object({
  name: z.string().trim().min(1, "Name the token, e.g. “grading script”.").max(60, "Use at most 60 characters."),
});

export const tokenIdSchema = z.object({ id: z.string().min(1).max(64) });
