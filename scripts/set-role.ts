// `npm run user:role -- EMAIL ROLE`: sets a user's site role from the shell, e.g. the first admin
// of a fresh production install (after that, admins promote others on /admin).
// Needs DATABASE_URL; the embedded demo database is reachable only through the running demo.
import { setRoleByEmail } from "../lib/auth/admin";
import { roleSchema } from "../lib/auth/roles";
import { disconnectPrisma } from "../lib/db/client";

const [email, roleArg] = process.argv.slice(2);
const role = roleSchema.safeParse(roleArg?.toUpperCase());
if (!email || !role.success) {
  console.error("usage: npm run user:role -- EMAIL STUDENT|INSTRUCTOR|ADMIN");
  process.exit(2);
}
try {
  const user = await setRoleByEmail(email, role.data);
  console.log(`${user.email} is now ${user.role}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectPrisma();
}
