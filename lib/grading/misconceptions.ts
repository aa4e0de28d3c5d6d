// The catalogue of misconceptions a wrong answer can reveal. Each entry has a detector: either a
// rule on (answer, key, code), or "the answer equals what a counterfactual program gives"
// (lib/grading/counterfactuals.ts), which the key carries precomputed. Detectors run only on a
// wrong answer, in catalogue order; the first match is reported. Rules on specific evidence (the
// trace says the name was deleted, the object is on a cycle...) come before the counterfactuals,
// which can explain the same answer more loosely (a copy would also have been freed by del).
// A template may restrict which ids apply with `misconceptions: [...]`, to avoid naming a belief
// the question does not test.
import type { QuestionDefinition } from "@/lib/questions/schema";
import type { Variant } from "@/lib/questions/variant";
import type { StudentAnswer } from "./answers";
import type { Key } from "./key";
import { score } from "./score";

export interface MisconceptionContext {
  definition: QuestionDefinition;
  variant: Variant;
  answer: StudentAnswer;
  key: Key;
}

export interface Misconception {
  id: string;
  title: string;
  explanation: string;
  /** The wrong answers that reveal it, in words, for the catalogue page and for authors. */
  revealedBy: string;
  detect(ctx: MisconceptionContext): boolean;
}

const IMMORTAL_FLOOR = 2 ** 29;

/** The answer equals the key of one of the key's counterfactual programs for `id`. */
function matchesAlternative(id: string) {
  return ({ definition, variant, answer, key }: MisconceptionContext) =>
    key.alternatives.some((alt) => alt.misconception === id && score(definition, variant, answer, alt.answer) === 1);
}

const code = (ctx: MisconceptionContext) => ctx.variant.code;
const integerPair = (ctx: MisconceptionContext): [number, number] | null =>
  ctx.answer.kind === "integer" && ctx.key.answer.kind === "integer" ? [ctx.answer.value, ctx.key.answer.value] : null;
const booleanPair = (ctx: MisconceptionContext): [boolean, boolean] | null =>
  ctx.answer.kind === "boolean" && ctx.key.answer.kind === "boolean" ? [ctx.answer.value, ctx.key.answer.value] : null;
/** Targets the student called freed that the key says are alive. */
function freedWrongly(ctx: MisconceptionContext): string[] {
  if (ctx.answer.kind !== "freed" || ctx.key.answer.kind !== "freed") return [];
  const key = ctx.key.answer.value;
  return ctx.answer.freed.filter((id) => key[id] === false);
}
function keptWrongly(ctx: MisconceptionContext): string[] {
  if (ctx.answer.kind !== "freed" || ctx.key.answer.kind !== "freed") return [];
  const said = new Set(ctx.answer.freed);
  return Object.entries(ctx.key.answer.value).filter(([id, freed]) => freed && !said.has(id)).map(([id]) => id);
}

export const MISCONCEPTIONS: Misconception[] = [
  {
    id: "immortal-refcount",
    title: "Counted references to an immortal object",
    explanation:
      "From Python 3.12, None, True, False, small integers and interned strings are immortal: their reference count is fixed at a huge sentinel and never changes, so sys.getrefcount reports that number, not the references you can see.",
    revealedBy: "a small count for an object whose key is the immortal sentinel (≥ 2**29)",
    detect: (ctx) => {
      const p = integerPair(ctx);
      return p !== null && /getrefcount\(/.test(code(ctx)) && p[1] >= IMMORTAL_FLOOR && p[0] < 1000;
    },
  },
  {
    id: "forgot-getrefcount-argument",
    title: "Forgot getrefcount's own argument",
    explanation: "sys.getrefcount(x) reports one more than the references you can see: passing x to the function creates a temporary reference for the duration of the call.",
    revealedBy: "an integer answer one below the key on a getrefcount question",
    detect: (ctx) => {
      const p = integerPair(ctx);
      return p !== null && /getrefcount\(/.test(code(ctx)) && p[0] === p[1] - 1;
    },
  },
  {
    id: "counted-getrefcount-argument",
    title: "Counted getrefcount's argument once too often",
    explanation:
      "The temporary reference held by getrefcount's argument is already part of the number it returns (and the code may subtract it). Adding one more for the call counts the same reference twice.",
    revealedBy: "an integer answer one above the key on a getrefcount question",
    detect: (ctx) => {
      const p = integerPair(ctx);
      return p !== null && /getrefcount\(/.test(code(ctx)) && p[0] === p[1] + 1;
    },
  },
  {
    id: "immutable-changed-in-place",
    title: "Thought `+=` changes an immutable object in place",
    explanation: "Integers, strings and tuples cannot change. `x += 1` computes a new object and rebinds x to it; another name bound to the old object still sees the old value.",
    revealedBy: "True for an `is` test after `+=` on an immutable object",
    detect: (ctx) => {
      const p = booleanPair(ctx);
      return p !== null && p[0] && !p[1] && /\+=/.test(code(ctx)) && / is /.test(code(ctx)) && ctx.definition.mechanism === "immutable";
    },
  },
  {
    id: "del-frees-object",
    title: "Thought `del` frees the object",
    explanation: "`del name` removes a name, i.e. one reference. The object is freed only when its reference count reaches zero; while another name or container still refers to it, it stays alive.",
    revealedBy: "an object marked freed after `del` of one of its names, while something else still refers to it",
    detect: (ctx) => freedWrongly(ctx).some((id) => ctx.key.targetFacts?.[id]?.deleted === true && ctx.key.targetFacts?.[id]?.inCycle === false),
  },
  {
    id: "cycle-without-collector",
    title: "Forgot that a cycle needs the collector",
    explanation:
      "Objects in a reference cycle keep each other's count above zero, so deleting the names does not free them. Only the cyclic garbage collector (gc.collect() or an automatic collection) finds and frees unreachable cycles.",
    revealedBy: "a cycle marked freed with no collection, or gc.collect() expected to find nothing after the names of a cycle were deleted",
    detect: (ctx) => {
      if (freedWrongly(ctx).some((id) => ctx.key.targetFacts?.[id]?.inCycle === true)) return true;
      const p = integerPair(ctx);
      return p !== null && /gc\.collect\(\)/.test(code(ctx)) && p[0] === 0 && p[1] > 0;
    },
  },
  {
    id: "collector-needed-for-everything",
    title: "Thought every object waits for the garbage collector",
    explanation: "In CPython most objects are freed by reference counting the moment their last reference goes. The collector is only for cycles, so gc.collect() finds nothing when there is no cycle.",
    revealedBy: "gc.collect() expected to free objects that reference counting already freed",
    detect: (ctx) => {
      const p = integerPair(ctx);
      return p !== null && /gc\.collect\(\)/.test(code(ctx)) && p[0] > 0 && p[1] === 0;
    },
  },
  {
    id: "weakref-keeps-alive",
    title: "Thought a weak reference keeps its object alive",
    explanation: "A weak reference does not count in the reference count. When the last strong reference goes, the object is freed and the weak reference then returns None.",
    revealedBy: "an object kept alive only by a weak reference reported alive",
    detect: (ctx) => {
      if (!/weakref\./.test(code(ctx))) return false;
      if (keptWrongly(ctx).length > 0) return true;
      const p = booleanPair(ctx);
      return p !== null && !p[0] && p[1] && /is None/.test(code(ctx));
    },
  },
  {
    id: "equal-strings-same-object",
    title: "Thought equal strings are always one object",
    explanation: "`==` compares values, `is` compares identity. Strings built at run time (concatenation, join, input) are new objects even when equal; only some are interned (identifier-like literals, sys.intern).",
    revealedBy: "True for `is` between equal strings that are separate objects",
    detect: (ctx) => {
      const p = booleanPair(ctx);
      return p !== null && p[0] && !p[1] && / is /.test(code(ctx)) && /["']/.test(code(ctx)) && ctx.definition.mechanism !== "pooling";
    },
  },
  {
    id: "all-equal-ints-shared",
    title: "Thought every equal integer is one object",
    explanation: "CPython pre-creates the small integers -5..256 and reuses them. Larger integers computed at run time are new objects each time, so two equal ones are usually not `is`-identical.",
    revealedBy: "True for `is` between equal integers outside -5..256 made at run time",
    detect: (ctx) => {
      const p = booleanPair(ctx);
      return p !== null && p[0] && !p[1] && / is /.test(code(ctx)) && ctx.definition.mechanism === "pooling";
    },
  },
  {
    id: "race-always-correct",
    title: "Thought unsynchronised threads always give the sequential result",
    explanation: "`count += 1` is a read, an add and a write. Two threads can both read the old value, and one update is lost. Without a lock, several final values are possible.",
    revealedBy: "only the sequential result when a race allows several values",
    detect: (ctx) => {
      if (ctx.answer.kind !== "race" || ctx.key.answer.kind !== "race") return false;
      const values = ctx.key.answer.value;
      return values.length > 1 && ctx.answer.values.length === 1 && ctx.answer.values[0] === Math.max(...values);
    },
  },
  {
    id: "assignment-copies",
    title: "Thought assignment copies the object",
    explanation: "`b = a` binds a second name to the same object; nothing is copied. A change made through one name is seen through the other, and `b is a` is True.",
    revealedBy: "the answer the program would give if `b = a` were `b = copy.copy(a)`",
    detect: matchesAlternative("assignment-copies"),
  },
  {
    id: "shallow-copy-is-deep",
    title: "Thought a shallow copy copies the inner objects",
    explanation: "copy.copy, list(x), x[:] and x.copy() make a new outer container whose items are the same objects as the original's. Only copy.deepcopy copies the nested objects.",
    revealedBy: "the answer the program would give if every shallow copy were copy.deepcopy",
    detect: matchesAlternative("shallow-copy-is-deep"),
  },
  {
    id: "augmented-assignment-rebinds",
    title: "Thought `+=` builds a new list",
    explanation: "For a mutable object such as a list, `a += x` extends the object in place (list.__iadd__), so every name bound to it sees the change. Only for immutable objects does `+=` build a new object and rebind the name.",
    revealedBy: "the answer the program would give if `a += x` were `a = a + x`",
    detect: matchesAlternative("augmented-assignment-rebinds"),
  },
  {
    id: "other-python-version",
    title: "Answered with another Python version's behaviour",
    explanation: "This detail changed between CPython versions (immortal objects from 3.12, the collector's thresholds and what gc.collect() counts, inlined instance dictionaries from 3.11). Your answer is right for another version than the one this question uses.",
    revealedBy: "the key computed under another Python version",
    detect: matchesAlternative("other-python-version"),
  },
  {
    id: "script-vs-repl",
    title: "Mixed up a script with the interactive prompt",
    explanation: "A script is compiled as one unit, so equal constants in it can be one object; at the interactive prompt each line is compiled separately and makes its own constants. `is` between equal literals can differ between the two.",
    revealedBy: "the key computed in the other mode (script vs REPL)",
    detect: matchesAlternative("script-vs-repl"),
  },
];

export function findMisconception(id: string): Misconception | undefined {
  return MISCONCEPTIONS.find((m) => m.id === id);
}

/** The first catalogue entry whose detector recognises this wrong answer, if any. */
export function detectMisconception(ctx: MisconceptionContext): Misconception | undefined {
  const allowed = ctx.definition.misconceptions ? new Set(ctx.definition.misconceptions) : null;
  return MISCONCEPTIONS.find((m) => (!allowed || allowed.has(m.id)) && m.detect(ctx));
}
