import { describe, expect, it } from "vitest";
import { allChecks, checksOf } from "./checks";
import { LESSON_SLUGS } from "./meta";

describe("lesson checks", () => {
  it("parse with the question schema and have unique ids", () => {
    expect(allChecks().size).toBeGreaterThanOrEqual(LESSON_SLUGS.length);
  });
  it("every lesson has at least one check", () => {
    for (const slug of LESSON_SLUGS) expect(checksOf(slug).length, slug).toBeGreaterThan(0);
  });
});
