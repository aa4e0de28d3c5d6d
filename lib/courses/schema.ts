// zod schemas for course forms and APIs.
import { z } from "zod";
import { emailSchema } from "@/lib/auth/validation";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode } from "./join-code";

// The CPython versions whose memory model the simulator has profiles for.
export const PYTHON_VERSIONS = ["3.10", "3.11", "3.12", "3.13", "3.14"] as const;
export const pythonVersionSchema = z.enum(PYTHON_VERSIONS, { message: "Choose a Python version from 3.10 to 3.14." });

export const createCourseSchema = z.object({
  title: z.string().trim().min(3, "Use at least 3 characters.").max(120, "Use at most 120 characters."),
  pythonVersion: pythonVersionSchema.default("3.12"),
});
export type CreateCourseInput = z.infer<typeof createCourseSchema>;

const codePattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

export const joinCourseSchema = z.object({
  code: z
    .string()
    .transform(normalizeJoinCode)
    .pipe(z.string().regex(codePattern, `A join code is ${JOIN_CODE_LENGTH} letters and digits, like K7QM2XPA.`)),
});

export const courseIdSchema = z.object({ courseId: z.string().min(1).max(64) });

// Roster: people are added by the email of an existing account, with a course role.
export const rosterRoleSchema = z.enum(["STUDENT", "TA", "INSTRUCTOR"], { message: "Choose Student, TA or Instructor." });

export const addMemberSchema = z.object({
  courseId: z.string().min(1).max(64),
  email: emailSchema,
  role: rosterRoleSchema,
});
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const memberSchema = z.object({ courseId: z.string().min(1).max(64), userId: z.string().min(1).max(64) });
export const changeRoleSchema = memberSchema.extend({ role: rosterRoleSchema });

export const ROSTER_PAGE_SIZE = 25;
export const rosterQuerySchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type RosterQuery = z.infer<typeof rosterQuerySchema>;

export const joinCodeActionSchema = z.object({
  courseId: z.string().min(1).max(64),
  op: z.enum(["regenerate", "enable", "disable"]),
});
