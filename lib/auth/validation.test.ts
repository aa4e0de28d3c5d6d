import { describe, expect, it } from "vitest";
import { openInstructorSignup } from "./config";
import { signUpSchema } from "./validation";

describe("signUpSchema", () => {
  const base = { email: "  Ada@Example.TEST ", name: " Ada ", password: "0123456789" };

  it("normalises the email to lower case and trims the name", () => {
    expect(signUpSchema.parse(base)).toEqual({ email: "ada@example.test", name: "Ada", password: "0123456789", instructor: false });
  });

  it("needs a password of at least 10 characters and at most 72 bytes (bcrypt's limit)", () => {
    expect(signUpSchema.safeParse({ ...base, password: "123456789" }).success).toBe(false);
    expect(signUpSchema.safeParse({ ...base, password: "é".repeat(36) }).success).toBe(true); // 72 bytes
    expect(signUpSchema.safeParse({ ...base, password: "é".repeat(37) }).success).toBe(false); // 74 bytes
  });

  it("reads the instructor checkbox as a boolean", () => {
    expect(signUpSchema.parse({ ...base, instructor: "on" }).instructor).toBe(true);
    expect(signUpSchema.parse(base).instructor).toBe(false);
  });

  it("rejects a malformed email", () => {
    const result = signUpSchema.safeParse({ ...base, email: "ada@" });
    expect(result.success).toBe(false);
  });
});

describe("openInstructorSignup", () => {
  it("follows the variable when it is set", () => {
    expect(openInstructorSignup({ HEAPWISE_OPEN_INSTRUCTOR_SIGNUP: "true" })).toBe(true);
    expect(openInstructorSignup({ HEAPWISE_OPEN_INSTRUCTOR_SIGNUP: "1" })).toBe(true);
    expect(openInstructorSignup({ HEAPWISE_OPEN_INSTRUCTOR_SIGNUP: "false" })).toBe(false);
    expect(openInstructorSignup({ HEAPWISE_OPEN_INSTRUCTOR_SIGNUP: "yes please" })).toBe(false);
    expect(openInstructorSignup({ HEAPWISE_OPEN_INSTRUCTOR_SIGNUP: "false", HEAPWISE_MODE: "demo" })).toBe(false);
    expect(openInstructorSignup({ HEAPWISE_OPEN_INSTRUCTOR_SIGNUP: "true", HEAPWISE_MODE: "production" })).toBe(true);
  });

  it("defaults to on in the demo and off in production", () => {
    expect(openInstructorSignup({})).toBe(true);
    expect(openInstructorSignup({ HEAPWISE_MODE: "demo" })).toBe(true);
    expect(openInstructorSignup({ HEAPWISE_MODE: "production" })).toBe(false);
  });
});
