"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setUserRole } from "@/lib/auth/admin";
import { roleSchema } from "@/lib/auth/roles";
import { action } from "@/lib/http/action";

const setRoleSchema = z.object({ userId: z.string().min(1).max(64), role: roleSchema });

export const setRoleAction = action({ auth: "ADMIN", input: setRoleSchema }, async ({ caller, input }) => {
  const user = await setUserRole(caller, input.userId, input.role);
  revalidatePath("/admin");
  return { message: `${user.name} is now ${user.role.toLowerCase()}.`, data: null };
});
