import { route } from "@/lib/http/route";

/** Who the request is authenticated as: lets a script check its API token. */
export const GET = route({ auth: "user" }, async ({ caller }) => ({
  user: { id: caller.id, email: caller.email, name: caller.name, role: caller.role },
  via: caller.via,
}));
