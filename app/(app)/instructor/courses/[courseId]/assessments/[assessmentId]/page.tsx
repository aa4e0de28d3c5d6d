import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadBuilderAssessment, templateChoices } from "@/lib/assessments/builder";
import { toUtcInput } from "@/lib/assessments/builder-schema";
import { canEdit, ROLES_FOR } from "@/lib/auth/course-roles";
import { pageCourseRole } from "@/lib/auth/page";
import { HttpError } from "@/lib/http/errors";
import { pageParams } from "@/lib/pages/params";
import { card } from "@/app/ui/page-title";
import { AssessmentBuilder } from "../builder";
import { DeleteDraft } from "../delete-draft";
import { PublishControls } from "../publish-controls";

export const metadata: Metadata = { title: "Assessment" };

async function load(courseId: string, assessmentId: string) {
  try {
    return await loadBuilderAssessment(courseId, assessmentId);
  } catch (error) {
    if (error instanceof HttpError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function EditAssessmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string; assessmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId, assessmentId } = await pageParams(params);
  const { course, courseRole } = await pageCourseRole(courseId, ROLES_FOR.view, `/instructor/courses/${courseId}/assessments/${assessmentId}`);
  const [a, templates] = await Promise.all([load(course.id, assessmentId), templateChoices(course.id)]);
  const editor = canEdit(courseRole);
  const created = (await searchParams).created === "1";
  const base = `/instructor/courses/${course.id}`;
  // Templates already in a slot stay nameable even if archived since, so the list never shows a blank.
  const offered = new Map(templates.map(({ slug: _slug, ...t }) => [t.id, t]));
  for (const s of a.slots) if (!offered.has(s.questionId)) offered.set(s.questionId, { id: s.questionId, title: s.title, mechanism: s.mechanism, source: "course" });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">{a.title}</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="publish-state">
            {a.publishedAt ? "Published: enrolled students see it from its open date." : "Draft: students do not see it."}
          </p>
        </div>
        {editor ? <PublishControls courseId={course.id} assessmentId={a.id} published={a.publishedAt !== null} /> : null}
      </div>
      {/* A draft nobody has answered can go; anything else stays, for the students' record. */}
      {editor && a.publishedAt === null && a.attemptCount === 0 ? <DeleteDraft courseId={course.id} assessmentId={a.id} title={a.title} /> : null}
      {created ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          Assessment created as a draft. Publish it when it is ready.
        </p>
      ) : null}
      {a.attemptCount > 0 ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="locked-note">
          Students have made {a.attemptCount} attempt{a.attemptCount === 1 ? "" : "s"}. Questions they answered keep their question, points and pool; dates,
          limits and release can still change. To fix a question, edit it and{" "}
          <Link href={`${base}/analytics/assessments/${a.id}/regrade`} className="font-medium underline">
            regrade
          </Link>
          .
        </p>
      ) : null}
      <div className={card}>
        <AssessmentBuilder
          key={a.id}
          courseId={course.id}
          assessmentId={a.id}
          readOnly={!editor}
          templates={[...offered.values()]}
          initial={{
            title: a.title,
            kind: a.kind,
            opensAt: toUtcInput(a.opensAt),
            closesAt: toUtcInput(a.closesAt),
            timeLimitMinutes: a.timeLimitMinutes === null ? "" : String(a.timeLimitMinutes),
            maxAttempts: a.maxAttempts === null ? "" : String(a.maxAttempts),
            scorePolicy: a.scorePolicy,
            releasePolicy: a.releasePolicy,
            pythonVersion: a.pythonVersion,
            slots: a.slots.map((s) => ({ id: s.id, questionId: s.questionId, points: s.points, poolKey: s.poolKey ?? "", attempts: s.attempts })),
          }}
        />
      </div>
    </div>
  );
}
