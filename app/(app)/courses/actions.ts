"use server";
// Course mutations. Each re-verifies the caller through action() (lib/http/action.ts): the page
// that showed the form proves nothing about the POST that arrives here.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireCourseRole } from "@/lib/auth/guards";
import { createCourseSchema, joinCourseSchema } from "@/lib/courses/schema";
import { createCourse, joinCourse, setJoinCodeEnabled } from "@/lib/courses/service";
import { action } from "@/lib/http/action";

export const createCourseAction = action({ auth: "INSTRUCTOR", input: createCourseSchema }, async ({ caller, input }) => {
  const course = await createCourse(caller, input);
  revalidatePath("/courses");
  redirect(`/courses/${course.id}?created=1`);
});

export const joinCourseAction = action({ auth: "user", input: joinCourseSchema }, async ({ caller, input }) => {
  const joined = await joinCourse(caller, input.code);
  revalidatePath("/courses");
  redirect(`/courses/${joined.courseId}${joined.alreadyEnrolled ? "" : "?joined=1"}`);
});

const toggleSchema = z.object({ courseId: z.string().min(1).max(64), enabled: z.enum(["true", "false"]).transform((v) => v === "true") });

export const setJoinCodeAction = action({ auth: "user", input: toggleSchema }, async ({ caller, input }) => {
  // Only the course's instructors may open or close it; the guard's query decides.
  await requireCourseRole(input.courseId, ["INSTRUCTOR"], caller);
  await setJoinCodeEnabled(input.courseId, input.enabled);
  revalidatePath(`/courses/${input.courseId}`);
  return { message: input.enabled ? "The join code works again." : "The join code is closed: nobody new can join.", data: null };
});
