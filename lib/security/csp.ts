// The content security policy of every page, with a fresh nonce per request (set by proxy.ts).
// Next reads the nonce back from this header and puts it on its own inline and chunk scripts;
// 'strict-dynamic' lets those scripts load the chunks they import, and nothing else runs: no
// inline handler, no injected <script>, no eval in production. Styles may be inline: React's
// style={...} and CodeMirror's injected <style> elements need it, and CSS cannot run code (the
// threat this policy answers is script injection; a nonce on styles would also have to reach
// every library that injects one).
export function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(value: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // React's dev build evaluates code to rebuild server stacks; the production build does not.
    `script-src 'self' 'nonce-${value}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
