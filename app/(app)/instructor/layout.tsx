// Every page under /instructor needs the INSTRUCTOR role (or ADMIN). Checked here, outside any
// Suspense boundary, so a student gets a real 403 status before streaming starts; each page
// checks again, because a layout is not re-run on client-side navigation between its pages.
import { pageRole } from "@/lib/auth/page";

export default async function InstructorLayout({ children }: { children: React.ReactNode }) {
  await pageRole("INSTRUCTOR", "/instructor");
  return children;
}
