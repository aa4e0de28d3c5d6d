// A lib/ call made for a page: the errors the API answers as JSON become the page's answers
// (sign-in redirect, the 403 page, the 404 page), the one mapping, which lib/auth/page.ts's guards
// use too. A request lib/ finds invalid has no form on a page to show the error in: it is an
// address that leads nowhere, so 404 (an id in the path of the wrong shape, say).
import { forbidden, notFound, redirect } from "next/navigation";
import { HttpError } from "@/lib/http/errors";

export function signInPath(returnTo: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;
}

export async function forPage<T>(returnTo: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof HttpError) {
      if (error.code === "unauthenticated") redirect(signInPath(returnTo));
      if (error.code === "forbidden") forbidden();
      if (error.code === "not_found" || error.code === "invalid") notFound();
    }
    throw error;
  }
}
