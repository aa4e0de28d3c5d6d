// The client's address, for rate limits keyed on it. The app's server (lib/server/client-address.ts)
// replaces X-Forwarded-For with the socket's address, unless HEAPWISE_TRUST_PROXY says a proxy in
// front appends the address it saw; either way the LAST entry is the one a trusted hop wrote.
// Nothing here is trusted for more than slowing down: limits keyed on an address are never the
// only bound (see sign-in-throttle.ts).
type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientIp(source: HeaderSource | undefined | null): string {
  if (!source) return "unknown";
  const forwarded = header(source, "x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  const ip = last ?? header(source, "x-real-ip")?.trim();
  // Bounded, so a made-up header cannot grow the limiter's keys without end.
  return ip ? ip.slice(0, 64) : "unknown";
}
