import Link from "next/link";

const topics: { title: string; text: React.ReactNode }[] = [
  { title: "Names, references, objects", text: "Trace which name points where after assignment, augmented assignment and function calls; tell rebinding from mutation." },
  { title: "Reference counting", text: "Predict every object's refcount as a program runs, and the exact line on which an object is freed." },
  { title: "Cycles and the collector", text: "See why reference counting alone leaks cycles, and follow CPython's collector through its generations." },
  {
    title: "Interning and immortal objects",
    text: (
      <>
        Small ints, interned strings and immortal objects: why <code className="font-mono">is</code> sometimes says True, and why that is not a promise.
      </>
    ),
  },
  {
    title: "Weak references and finalizers",
    text: (
      <>
        When a weakref dies, when <code className="font-mono">__del__</code> runs, and what changed in the order of collection across versions.
      </>
    ),
  },
  { title: "Version differences", text: "The same program under CPython 3.10 to 3.14: each course picks the version its answers are graded against." },
];

const steps = [
  { n: "1", title: "A question with your own variant", text: "Each question is a template. You get a variant drawn from a seed, so your neighbour's answer is not yours." },
  { n: "2", title: "Graded by a simulator of CPython", text: "Your answer is checked against a simulator of CPython's memory model for the course's Python version, itself tested against real CPython." },
  { n: "3", title: "Feedback that names the misconception", text: "Wrong answers are matched against common misconceptions (\"assignment copies\", \"del frees the object\") and explained." },
];

const snippet = `a = [1, 2, 3]
b = a          # one list, two names
del a          # refcount 2 → 1
b.append(b)    # a cycle: b refers to itself
del b          # refcount 1, but unreachable
import gc; gc.collect()   # freed here`;

export default function HomePage() {
  return (
    <div className="space-y-16">
      <section className="grid items-center gap-8 md:grid-cols-2">
        <div className="space-y-5">
          <p className="font-mono text-sm text-brand-600 dark:text-brand-300">references · refcounts · garbage collection</p>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Learn how Python manages memory, one traced program at a time.</h1>
          <p className="text-lg text-zinc-600 dark:text-zinc-400">
            Heapwise is the exercise and quiz platform for our unit on Python&apos;s memory model. Read a short lesson, then predict what CPython does:
            which names share an object, what each refcount is, when the collector frees a cycle.
          </p>
          <div className="flex flex-wrap gap-3">
            <Link href="/signup" className="rounded-md bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
              Create an account
            </Link>
            <Link href="/lessons" className="rounded-md border border-zinc-300 px-4 py-2.5 text-sm font-semibold hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900">
              Browse the lessons
            </Link>
          </div>
        </div>
        <figure className="overflow-hidden rounded-lg border border-zinc-200 bg-zinc-950 shadow-sm dark:border-zinc-800">
          <figcaption className="border-b border-zinc-800 px-4 py-2 font-mono text-xs text-zinc-400">cycle.py · graded against CPython 3.12</figcaption>
          <pre className="overflow-x-auto p-4 font-mono text-sm leading-6 text-zinc-100">
            <code>{snippet}</code>
          </pre>
        </figure>
      </section>

      <section aria-labelledby="topics" className="space-y-6">
        <h2 id="topics" className="text-2xl font-semibold tracking-tight">What it teaches</h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {topics.map((t) => (
            <li key={t.title} className="rounded-lg border border-zinc-200 p-5 dark:border-zinc-800">
              <h3 className="font-semibold">{t.title}</h3>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="grading" className="space-y-6">
        <h2 id="grading" className="text-2xl font-semibold tracking-tight">How grading works</h2>
        <ol className="grid gap-4 md:grid-cols-3">
          {steps.map((s) => (
            <li key={s.n} className="rounded-lg bg-zinc-50 p-5 dark:bg-zinc-900">
              <span className="grid size-8 place-items-center rounded-full bg-brand-100 font-mono text-sm font-semibold text-brand-700 dark:bg-brand-700 dark:text-white">{s.n}</span>
              <h3 className="mt-3 font-semibold">{s.title}</h3>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{s.text}</p>
            </li>
          ))}
        </ol>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Scores are between 0 and 1. An answer the grader cannot read (a typo in a refcount table, say) is returned with the reason and costs no attempt.
          Quizzes keep time on the server; a submission retried after a network hiccup is stored once.
        </p>
      </section>

      <section className="rounded-lg border border-zinc-200 p-6 dark:border-zinc-800">
        <h2 className="text-lg font-semibold">Teaching the unit?</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Instructors create a course, choose its Python version and share an 8-character join code. Students join with the code and their work shows up in your course.
        </p>
      </section>
    </div>
  );
}
