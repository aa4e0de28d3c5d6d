// The site-wide roles, in the words of the `Role` enum of prisma/schema.prisma. Kept as a zod
// enum here so guards and forms can validate them without importing the generated client.
import { z } from "zod";

export const roleSchema = z.enum(["STUDENT", "INSTRUCTOR", "ADMIN"]);
export type Role = z.infer<typeof roleSchema>;

export const courseRoleSchema = z.enum(["STUDENT", "TA", "INSTRUCTOR"]);
export type CourseRole = z.infer<typeof courseRoleSchema>;

// An admin may do whatever an instructor may; an instructor whatever a student may.
const rank: Record<Role, number> = { STUDENT: 0, INSTRUCTOR: 1, ADMIN: 2 };

export function hasRole(actual: Role, needed: Role): boolean {
  return rank[actual] >= rank[needed];
}
