// The error codes next-auth hands back to the sign-in form, with the words shown for each.
// Separate from options.ts so the browser bundle does not pull in the server configuration.
export const SIGN_IN_ERRORS: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  AccountLocked: "Too many wrong passwords. This account is locked for 15 minutes.",
};
