"use server";

import { signUp } from "@/lib/auth/accounts";
import { openInstructorSignup } from "@/lib/auth/config";
import { signUpSchema } from "@/lib/auth/validation";
import { action } from "@/lib/http/action";

export const signUpAction = action({ auth: "public", input: signUpSchema }, async ({ input }) => {
  const user = await signUp(input, openInstructorSignup());
  return { message: "Account created. Signing you in…", data: { email: user.email, role: user.role } };
});
