// Runs a lib/ call for a page: the errors the API answers as JSON become the page's answers
// (sign-in redirect, 403 page, 404 page), the same mapping as lib/auth/page.ts.
import { forbidden, notFound, redirect } from "next/navigation";
import { signInPath } from "@/lib/auth/page";
import { HttpError } from "@/lib/http/errors";

export async function forPage<T>(returnTo: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof HttpError) {
      if (error.code === "unauthenticated") redirect(signInPath(returnTo));
      if (error.code === "forbidden") forbidden();
      if (error.code === "not_found") notFound();
    }
    throw error;
  }
}
