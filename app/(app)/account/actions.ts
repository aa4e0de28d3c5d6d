"use server";
import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { tokenIdSchema, tokenNameSchema } from "@/lib/auth/validation";
import { action } from "@/lib/http/action";

export const createTokenAction = action({ auth: "user", input: tokenNameSchema }, async ({ caller, input }) => {
  const { token, view } = await createApiToken(caller.id, input.name);
  revalidatePath("/account");
  return { message: `Token “${view.name}” created. Copy it now: it will not be shown again.`, data: { token } };
});

export const revokeTokenAction = action({ auth: "user", input: tokenIdSchema }, async ({ caller, input }) => {
  // The owner is part of the query (lib/auth/api-tokens.ts): another user's id matches nothing.
  await revokeApiToken(caller.id, input.id);
  revalidatePath("/account");
  return { message: "Token revoked.", data: null };
});
