// Admin pages need the ADMIN role; checked here before streaming so the 403 is a real status,
// and again by each page and action.
import { pageRole } from "@/lib/auth/page";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await pageRole("ADMIN", "/admin");
  return children;
}
