// The error codes next-auth hands back to the sign-in form, with the words shown for each.
// Separate from options.ts so the browser bundle does not pull in the server configuration.
export const SIGN_IN_ERRORS: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  AccountLocked: "Too many wrong passwords for this account from many places. It is locked for 15 minutes, except from devices that signed in to it before.",
};

/** The form's words for a next-auth error code; `TooManyAttempts:<s>` carries the wait. */
export function signInErrorMessage(code: string | null | undefined): string {
  const wait = /^TooManyAttempts:(\d+)$/.exec(code ?? "");
  if (wait) {
    const seconds = Number(wait[1]);
    const when = seconds < 90 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
    return `Too many wrong passwords from here. Wait ${when} before trying again.`;
  }
  return SIGN_IN_ERRORS[code ?? ""] ?? "Signing in failed. Try again in a moment.";
}
