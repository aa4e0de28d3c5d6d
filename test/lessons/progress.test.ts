// Progress rows on a real database (PGlite by default, PostgreSQL with HEAPWISE_TEST_DB=postgres).
import { describe, expect, it } from "vitest";
import { progressOf, recordCheckDone } from "@/lib/lessons/progress";
import { useTestDatabase } from "../support/db";

const db = useTestDatabase();

describe.skipIf(db.skip)("lesson progress", () => {
  it("records each check once, completes the lesson when all are done, and keeps users apart", async () => {
    const prisma = db.prisma;
    const [ada, bob] = await Promise.all(["ada", "bob"].map((n) => prisma.user.create({ data: { email: `${n}@lessons.test`, name: n, passwordHash: "x" } })));
    const all = ["refcount-a", "refcount-b"];
    expect(await recordCheckDone(prisma, ada.id, "refcount", "refcount-a", all)).toEqual({ checksDone: ["refcount-a"], completed: false });
    expect(await recordCheckDone(prisma, ada.id, "refcount", "refcount-a", all)).toEqual({ checksDone: ["refcount-a"], completed: false });
    expect(await recordCheckDone(prisma, ada.id, "refcount", "refcount-b", all)).toEqual({ checksDone: ["refcount-a", "refcount-b"], completed: true });
    const adas = await progressOf(prisma, ada.id);
    expect(adas.get("refcount")).toEqual({ checksDone: ["refcount-a", "refcount-b"], completed: true });
    expect((await progressOf(prisma, bob.id)).size).toBe(0);
  });

  it("loses neither of two concurrent submissions", async () => {
    const prisma = db.prisma;
    const u = await prisma.user.create({ data: { email: "race@lessons.test", name: "race", passwordHash: "x" } });
    const ids = ["gc-1", "gc-2", "gc-3", "gc-4"];
    await Promise.all(ids.map((id) => recordCheckDone(prisma, u.id, "gc", id, ids)));
    const row = (await progressOf(prisma, u.id)).get("gc");
    expect(new Set(row?.checksDone)).toEqual(new Set(ids));
    expect(row?.completed).toBe(true);
  });
});
