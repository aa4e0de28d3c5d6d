import type { Metadata } from "next";
import { pageRole } from "@/lib/auth/page";
import { card, PageTitle } from "@/app/ui/page-title";
import { CreateCourseForm } from "../../../courses/forms";

export const metadata: Metadata = { title: "Create a course" };

export default async function NewCoursePage() {
  await pageRole("INSTRUCTOR", "/instructor/courses/new");
  return (
    <div className="mx-auto max-w-lg">
      <PageTitle title="Create a course" lead="Students join with the code you get next." />
      <div className={card}>
        <CreateCourseForm />
      </div>
    </div>
  );
}
