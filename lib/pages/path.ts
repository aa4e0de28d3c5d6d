// Request paths the proxy checks before Next routes them. No imports: the proxy runs this on
// every page request.

/**
 * Whether a raw request path percent-decodes to text. Bytes that are not UTF-8 ("%ED%A0%80", the
 * encoding of a lone surrogate, or "%FF") make Next's own decoding of a dynamic segment throw, and
 * it answers a bare 500 before any page runs; the proxy answers these instead.
 */
export function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
