// GET /api/health, the real handler: 200 while the database answers, 503 with a reason once it
// has gone away (the embedded server stopped, or the PostgreSQL database dropped under it).
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { disconnectPrisma } from "@/lib/db/client";
import { createScratchDatabase, unavailableReason } from "../support/db";

const skip = await unavailableReason();
afterAll(() => disconnectPrisma());

describe.skipIf(skip)("GET /api/health", () => {
  it("answers ok, then 503 with a reason and no connection string when the database goes away", async () => {
    const scratch = await createScratchDatabase();
    process.env.DATABASE_URL = scratch.url;
    process.env.DATABASE_POOL_MAX = "1";

    const up = await GET();
    expect(up.status).toBe(200);
    expect(up.headers.get("cache-control")).toBe("no-store");
    expect(await up.json()).toEqual({ status: "ok", db: "ok" });

    await scratch.drop();
    const started = performance.now();
    const down = await GET();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(down.status).toBe(503);
    expect(down.headers.get("cache-control")).toBe("no-store");
    const body = (await down.json()) as { status: string; db: string; reason: string };
    expect(body).toMatchObject({ status: "unavailable", db: "down" });
    expect(body.reason.length).toBeGreaterThan(0);
    expect(body.reason).not.toMatch(/postgres(ql)?:\/\//);
  });
});
