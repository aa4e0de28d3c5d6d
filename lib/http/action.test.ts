import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf, formToObject } from "./action";

describe("formToObject", () => {
  it("keeps string fields and drops React's $ACTION fields and files", () => {
    const form = new FormData();
    form.set("title", "Week 1");
    form.set("$ACTION_ID_abc", "");
    form.set("upload", new Blob(["x"]), "x.txt");
    expect(formToObject(form)).toEqual({ title: "Week 1" });
  });
});

describe("fieldErrorsOf", () => {
  it("groups messages by field, form-level issues under _form", () => {
    const schema = z
      .object({ a: z.string().min(2, "short"), b: z.string() })
      .refine((v) => v.a !== v.b, { message: "must differ" });
    const parsed = schema.safeParse({ a: "x", b: 1 });
    if (parsed.success) throw new Error("expected a failure");
    const errors = fieldErrorsOf(parsed.error);
    expect(errors.a).toEqual(["short"]);
    expect(errors.b).toHaveLength(1);
    const same = schema.safeParse({ a: "xx", b: "xx" });
    if (same.success) throw new Error("expected a failure");
    expect(fieldErrorsOf(same.error)).toEqual({ _form: ["must differ"] });
  });
});
