import { describe, expect, it } from "vitest";
import { z } from "zod";
import { classifyDatabaseError } from "@/lib/db/errors";
import { errorStatus, HttpError, invalid, toErrorBody } from "./errors";

describe("toErrorBody", () => {
  it.each([
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["invalid", 400],
    ["conflict", 409],
    ["rate_limited", 429],
    ["unavailable", 503],
  ] as const)("maps HttpError %s to %i with its message", (code, status) => {
    const { status: actual, body } = toErrorBody(new HttpError(code, `about ${code}`));
    expect(actual).toBe(status);
    expect(errorStatus[code]).toBe(status);
    expect(body).toEqual({ error: code, message: `about ${code}` });
  });

  it("turns a zod error into 400 with the path of every issue", () => {
    const schema = z.object({ title: z.string().min(3), nested: z.object({ n: z.number() }) });
    const parsed = schema.safeParse({ title: "x", nested: { n: "1" } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const { status, body } = toErrorBody(parsed.error);
    expect(status).toBe(400);
    expect(body.error).toBe("invalid");
    expect(body.issues?.map((i) => i.path)).toEqual(["title", "nested.n"]);
    expect(toErrorBody(invalid(parsed.error)).body.issues).toEqual(body.issues);
  });

  it("answers 500 with nothing but the code for an unknown error", () => {
    const secret = new Error('relation "User" does not exist at /srv/app/lib/db/client.ts:12');
    const { status, body } = toErrorBody(secret);
    expect(status).toBe(500);
    expect(body).toEqual({ error: "internal" });
    expect(JSON.stringify(body)).not.toContain("relation");
  });

  it("never shows the message of an HttpError marked internal", () => {
    expect(toErrorBody(new HttpError("internal", "stack and SQL here")).body).toEqual({ error: "internal" });
  });

  it("uses the database classifier: down is 503, duplicate is 409", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(toErrorBody(refused, classifyDatabaseError)).toMatchObject({ status: 503, body: { error: "unavailable" } });
    const duplicate = Object.assign(new Error("Unique constraint failed"), { code: "P2002" });
    expect(toErrorBody(duplicate, classifyDatabaseError)).toMatchObject({ status: 409, body: { error: "conflict" } });
    expect(toErrorBody(refused).status).toBe(500); // without a classifier it is just unknown
  });

  it("answers 503 when a transaction could not start in time (every connection busy, or the server gone)", () => {
    const starved = Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" });
    expect(toErrorBody(starved, classifyDatabaseError)).toMatchObject({ status: 503, body: { error: "unavailable" } });
  });
});
