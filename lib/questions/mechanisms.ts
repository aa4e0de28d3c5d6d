// The ten mechanisms of the course, in the order the notes teach them. Every template belongs to
// exactly one; the bank test requires each to have at least six templates.
export const MECHANISMS = [
  "names-references-objects",
  "code-stack-heap",
  "immutable",
  "mutable",
  "refcount",
  "refcount-costs",
  "gc",
  "pooling",
  "interning",
  "manual",
] as const;

export type Mechanism = (typeof MECHANISMS)[number];

export const PYTHON_VERSIONS = ["3.10", "3.11", "3.12", "3.13", "3.14"] as const;
export type PythonVersion = (typeof PYTHON_VERSIONS)[number];
