// zod schemas for the account forms and APIs: one definition for the form, the action and tests.
import { z } from "zod";
import { passwordProblems } from "@/lib/security/passwords";
import { hasBidiControls } from "@/lib/security/text";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254));

export const signUpSchema = z
  .object({
    email: emailSchema,
    name: z
      .string()
      .trim()
      .min(1, "Enter your name.")
      .max(100, "Use at most 100 characters.")
      .refine((name) => !hasBidiControls(name), "Remove the text-direction control characters from your name."),
    // The rules that need only the password run here, so they show even while the email is wrong.
    password: z.string().superRefine((password, ctx) => {
      for (const message of passwordProblems(password)) ctx.addIssue({ code: "custom", message });
    }),
    instructor: z
      .union([z.literal("on"), z.literal("true"), z.boolean()])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
  })
  .superRefine((input, ctx) => {
    // The rules that compare with the email, once both parsed.
    const own = passwordProblems(input.password, input.email).filter((message) => !passwordProblems(input.password).includes(message));
    for (const message of own) ctx.addIssue({ code: "custom", path: ["password"], message });
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
