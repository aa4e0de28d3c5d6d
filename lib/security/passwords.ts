// Password rules, with a message for each that says what to do. Length is what makes a password
// hard to guess, so the rule is a length (a passphrase of a few words passes easily), plus a
// refusal of the passwords every guessing list starts with and of the account's own email.
import { COMMON_PASSWORDS } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 10;

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s._-]+/g, "");
}

/** The problems of a password for the account with `email`, in the words the form shows. */
export function passwordProblems(password: string, email = ""): string[] {
  const problems: string[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    problems.push(`Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words (“violet anchor tuesday”) make a strong, memorable one.`);
  }
  // bcrypt reads only the first 72 bytes; a longer password would silently be truncated.
  if (new TextEncoder().encode(password).length > 72) problems.push("Use at most 72 bytes.");
  const plain = normalise(password);
  if (plain && (COMMON_PASSWORDS.has(plain) || COMMON_PASSWORDS.has(plain.replace(/\d+$/, "")) || /^(.)\1*$/.test(plain))) {
    problems.push("This password is on the lists attackers try first. Choose another.");
  }
  const mail = email.trim().toLowerCase();
  const local = mail.split("@")[0] ?? "";
  if (mail && (plain === normalise(mail) || (local.length >= 4 && plain.includes(normalise(local))))) {
    problems.push("Do not use your email address (or its name part) in your password.");
  }
  return problems;
}
