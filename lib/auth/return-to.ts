// Where to go after signing in. Only same-site paths are accepted: "//evil.example" and
// "https://..." would turn the sign-in page into an open redirect.
export function safeReturnTo(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string") return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
