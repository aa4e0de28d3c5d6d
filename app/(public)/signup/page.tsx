import type { Metadata } from "next";
import Link from "next/link";
import { openInstructorSignup } from "@/lib/auth/config";
import { card } from "@/app/ui/page-title";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Create your Heapwise account</h1>
      <div className={card}>
        <SignUpForm allowInstructor={openInstructorSignup()} />
      </div>
      <p className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link href="/signin" className="font-medium text-brand-600 hover:underline dark:text-brand-300">
          Sign in
        </Link>
      </p>
    </div>
  );
}
