import { describe, expect, it } from "vitest";
import { openInstructorSignup } from "./config";
import { signUpSchema } from "./validation";

describe("signUpSchema", () => {
  const base = { email: "  Ada@Example.TEST ", name: " Ada ", password: "violet anchor tuesday" };
  const problems = (fields: Record<string, unknown>) => {
    const result = signUpSchema.safeParse({ ...base, ...fields });
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  };

  it("normalises the email to lower case and trims the name", () => {
    expect(signUpSchema.parse(base)).toEqual({ email: "ada@example.test", name: "Ada", password: "violet anchor tuesday", instructor: false });
  });

  it("needs a password of at least 10 characters and at most 72 bytes (bcrypt's limit)", () => {
    expect(problems({ password: "violet-an" })).toEqual([expect.stringMatching(/^password: Use at least 10 characters/)]);
    expect(problems({ password: "é1".repeat(24) })).toEqual([]); // 72 bytes
    expect(problems({ password: `${"é1".repeat(24)}é` })).toEqual(["password: Use at most 72 bytes."]); // 74 bytes
  });

  it("refuses the passwords guessing lists start with, in any case and with digits appended", () => {
    for (const password of ["0123456789", "Password123", "qwertyuiop", "Correct Horse Battery Staple", "aaaaaaaaaaaa", "iloveyou2026"]) {
      expect(problems({ password }), password).toEqual(["password: This password is on the lists attackers try first. Choose another."]);
    }
  });

  it("refuses a password made of the account's email", () => {
    expect(problems({ email: "grace.hopper@example.test", password: "grace.hopper@example.test" })).toEqual([
      "password: Do not use your email address (or its name part) in your password.",
    ]);
    expect(problems({ email: "grace.hopper@example.test", password: "gracehopper-1906" })).toHaveLength(1);
    expect(problems({ email: "grace.hopper@example.test", password: "admiral of cobol" })).toEqual([]);
  });

  it("refuses text-direction controls in a name (they let one user pass for another)", () => {
    expect(problems({ name: "Ada\u202Egnirut" })).toEqual(["name: Remove the text-direction control characters from your name."]);
    expect(problems({ name: "Ada Lovelace-Byron, née Byron" })).toEqual([]);
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
