import { describe, expect, it } from "vitest";
import { pathSegmentSchema } from "./params";
import { decodablePath } from "./path";

describe("pathSegmentSchema", () => {
  it.each(["cmwvkt16n005rnn7dodoijoqc", "code-stack-heap", "a", "A_b-9", "x".repeat(64)])("accepts the id %s", (id) => {
    expect(pathSegmentSchema.safeParse(id).success).toBe(true);
  });
  it.each(["", "x".repeat(65), "a\u0000b", "\ud800", `x'); DROP TABLE "Attempt"; --`, "<script>", "a/b", "a b", "é", "..", "a.b"])("refuses %j", (text) => {
    expect(pathSegmentSchema.safeParse(text).success).toBe(false);
  });
});

describe("decodablePath", () => {
  it.each(["/lessons/code-stack-heap", "/courses/%00", "/a/%2F/%3Cscript%3E", "/%C3%A9", "/plain"])("decodes %s", (path) => {
    expect(decodablePath(path)).toBe(true);
  });
  it.each(["/lessons/%ED%A0%80", "/courses/%FF", "/x/%E0%A4%A", "/x/%", "/x/%zz"])("cannot decode %s", (path) => {
    expect(decodablePath(path)).toBe(false);
  });
});
