import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { templateChoices } from "@/lib/assessments/builder";
import { toUtcInput } from "@/lib/assessments/builder-schema";
import { canEdit, ROLES_FOR } from "@/lib/auth/course-roles";
import { pageCourseRole } from "@/lib/auth/page";
import { pageParams } from "@/lib/pages/params";
import { card } from "@/app/ui/page-title";
import { AssessmentBuilder } from "../builder";

export const metadata: Metadata = { title: "New assessment" };

export default async function NewAssessmentPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await pageParams(params);
  const { course, courseRole } = await pageCourseRole(courseId, ROLES_FOR.view, `/instructor/courses/${courseId}/assessments/new`);
  if (!canEdit(courseRole)) forbidden();
  const templates = await templateChoices(course.id);
  // Opens at the next full hour, closes a week later: a common homework window to start from.
  const opens = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
  const closes = new Date(opens.getTime() + 7 * 86_400_000);
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">New assessment</h2>
      <div className={card}>
        <AssessmentBuilder
          courseId={course.id}
          readOnly={false}
          templates={templates.map(({ slug: _slug, ...t }) => t)}
          initial={{
            title: "",
            kind: "HOMEWORK",
            opensAt: toUtcInput(opens),
            closesAt: toUtcInput(closes),
            timeLimitMinutes: "",
            maxAttempts: "",
            scorePolicy: "BEST",
            releasePolicy: "IMMEDIATELY",
            pythonVersion: course.pythonVersion,
            slots: [],
          }}
        />
      </div>
    </div>
  );
}
