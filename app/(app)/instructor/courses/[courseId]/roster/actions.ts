"use server";
// Roster and join-code mutations. Each one re-checks the caller through action() and then asks
// requireCourseAccess(..., "edit"): a TA's forged POST is refused here, whatever the page showed.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireCourseAccess } from "@/lib/auth/course-roles";
import { courseFormAccess } from "@/lib/courses/access";
import { addMember, changeRole, removeMember } from "@/lib/courses/roster";
import { addMemberSchema, changeRoleSchema, joinCodeActionSchema, memberSchema } from "@/lib/courses/schema";
import { regenerateJoinCode, setJoinCodeEnabled } from "@/lib/courses/service";
import { action } from "@/lib/http/action";

const ROLE_WORD = { STUDENT: "a student", TA: "a TA", INSTRUCTOR: "an instructor" } as const;

function refresh(courseId: string): void {
  revalidatePath(`/instructor/courses/${courseId}`, "layout");
}

export const addMemberAction = action({ auth: "user", access: courseFormAccess("edit"), input: addMemberSchema }, async ({ caller, input }) => {
  await requireCourseAccess(caller, input.courseId, "edit");
  const member = await addMember(input.courseId, input.email, input.role);
  refresh(input.courseId);
  return { message: `${member.name} is now ${ROLE_WORD[member.role]} of this course.`, data: null };
});

export const changeRoleAction = action({ auth: "user", access: courseFormAccess("edit"), input: changeRoleSchema }, async ({ caller, input }) => {
  await requireCourseAccess(caller, input.courseId, "edit");
  await changeRole(input.courseId, input.userId, input.role);
  refresh(input.courseId);
  return { message: `Role changed to ${ROLE_WORD[input.role].replace(/^an? /, "")}.`, data: null };
});

export const removeMemberAction = action({ auth: "user", access: courseFormAccess("edit"), input: memberSchema }, async ({ caller, input }) => {
  await requireCourseAccess(caller, input.courseId, "edit");
  await removeMember(input.courseId, input.userId);
  refresh(input.courseId);
  // The row, and the form that would show a message, are gone: the page says it instead.
  redirect(`/instructor/courses/${input.courseId}/roster?removed=1`);
});

export const joinCodeAction = action({ auth: "user", access: courseFormAccess("edit"), input: joinCodeActionSchema }, async ({ caller, input }) => {
  await requireCourseAccess(caller, input.courseId, "edit");
  let message: string;
  if (input.op === "regenerate") {
    const code = await regenerateJoinCode(input.courseId);
    message = `New join code ${code}. The old code no longer works.`;
  } else {
    await setJoinCodeEnabled(input.courseId, input.op === "enable");
    message = input.op === "enable" ? "The join code works again." : "The join code is closed: nobody new can join.";
  }
  refresh(input.courseId);
  revalidatePath(`/courses/${input.courseId}`);
  return { message, data: null };
});
