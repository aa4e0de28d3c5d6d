// What Next code imports: the shared client behind Next's `server-only` guard, so a client
// component that reaches for the database fails the build instead of shipping a connection string.
// Scripts and tests, which run outside Next, import `./client` directly.
import "server-only";

export { getPrisma, Prisma } from "./client";
export type { PrismaClient } from "./client";
