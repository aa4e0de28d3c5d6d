// JSON with object keys in sorted order, so two definitions that differ only in key order (a
// file as written vs. the same definition read back from PostgreSQL's jsonb, which reorders
// keys) compare equal. Arrays keep their order: in a definition, order is meaning.
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const inner = (value as Record<string, unknown>)[key];
      // undefined is dropped by JSON.stringify anyway; skipping it keeps {a: undefined} == {}.
      if (inner !== undefined) out[key] = sortKeys(inner);
    }
    return out;
  }
  return value;
}
