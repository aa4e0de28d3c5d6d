// The two settings accounts depend on, read from the environment.
import { z } from "zod";
import { getEnv } from "@/lib/env";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

/**
 * Whether the sign-up form may create instructors. HEAPWISE_OPEN_INSTRUCTOR_SIGNUP decides when
 * set; unset, it is on in the demo (HEAPWISE_MODE=demo, the default) and off in production, where
 * an admin promotes instructors instead.
 */
export function openInstructorSignup(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.HEAPWISE_OPEN_INSTRUCTOR_SIGNUP;
  if (value === undefined || value === "") return (env.HEAPWISE_MODE ?? "demo") === "demo";
  const parsed = flag.safeParse(value);
  return parsed.success && parsed.data;
}

/**
 * The JWT signing secret, from lib/env.ts: NEXTAUTH_SECRET, required in production; in the demo a
 * random secret kept in the data folder.
 */
export function authSecret(): string {
  return getEnv().nextAuthSecret;
}
