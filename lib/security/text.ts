// Text that cannot be stored or shown faithfully is refused at the edge, before any handler runs:
// PostgreSQL's text type rejects NUL (it would surface as a 500 from deep in the driver), and an
// unpaired UTF-16 surrogate is not valid Unicode (it turns into U+FFFD somewhere between the
// browser and the database, so what was graded is not what was stored).

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first problem found in any string inside `value` (objects and arrays walked), or null. */
export function textProblem(value: unknown, depth = 0): string | null {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return "Text may not contain NUL characters.";
    if (LONE_SURROGATE.test(value)) return "Text may not contain unpaired surrogate characters.";
    return null;
  }
  // JSON.parse cannot nest deeper than the stack; a depth bound keeps this walk from being the
  // thing that overflows it first.
  if (depth > 64) return "The request is nested too deeply.";
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = textProblem(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key, depth + 1) ?? textProblem(item, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

// Bidirectional overrides and isolates reorder what is displayed: in a name they let one user
// impersonate another ("Ada\u202Egnirut" shows as "Adaturing"). Refused where a person is named.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}
