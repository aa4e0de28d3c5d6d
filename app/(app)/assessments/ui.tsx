// Pieces of the assessment pages that render on the server: the link back to the assessment, the
// code view with line numbers, the prompt's small Markdown subset, and the feedback panel with the
// memory table at the key moment. They receive released results only (lib/attempts/results.ts decides).
import Link from "next/link";
import type { AttemptResult } from "@/lib/attempts/results";
import type { Feedback } from "@/lib/attempts/schema";

export function CodeView({ code, highlight, label = "Code" }: { code: string; highlight?: number; label?: string }) {
  const lines = code.replace(/\n$/, "").split("\n");
  return (
    <figure className="scroll-x rounded-lg border border-zinc-200 bg-zinc-50 text-sm dark:border-zinc-800 dark:bg-zinc-900" aria-label={label}>
      <pre className="py-3 font-mono leading-6">
        <code>
          {lines.map((line, i) => (
            <span
              key={i}
              data-line={i + 1}
              className={`grid grid-cols-[3rem_1fr] ${highlight === i + 1 ? "bg-amber-100 dark:bg-amber-900/40" : ""}`}
            >
              <span aria-hidden className="select-none pr-3 text-right text-zinc-400 tabular-nums">
                {i + 1}
              </span>
              <span className="pr-4 whitespace-pre">{line || " "}</span>
            </span>
          ))}
        </code>
      </pre>
    </figure>
  );
}

/** `code` and **bold** only: titles and prompts are authored text, rendered without any raw HTML. */
export function Inline({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).map((part, i) => {
        if (part.startsWith("`") && part.endsWith("`") && part.length > 1) {
          return (
            <code key={i} className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-zinc-800">
              {part.slice(1, -1)}
            </code>
          );
        }
        if (part.startsWith("**") && part.endsWith("**") && part.length > 4) return <strong key={i}>{part.slice(2, -2)}</strong>;
        return <span key={i}>{part}</span>;
      })}
    </>
  );
}

export function Prose({ text }: { text: string }) {
  return (
    <div className="space-y-2 leading-relaxed">
      {text.split(/\n{2,}/).map((para, p) => (
        <p key={p}>
          <Inline text={para} />
        </p>
      ))}
    </div>
  );
}

function MemoryTable({ moment }: { moment: NonNullable<Feedback["keyMoment"]> }) {
  const byId = new Map(moment.objects.map((o) => [o.id, o]));
  return (
    <div className="space-y-2" data-testid="memory-table">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Memory at {moment.why} (line {moment.line}: <code className="font-mono">{moment.source}</code>):
      </p>
      <div className="scroll-x">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Names and the objects they refer to</caption>
          <thead className="text-zinc-600 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">Frame</th>
              <th scope="col" className="py-1 pr-4 font-medium">Name</th>
              <th scope="col" className="py-1 pr-4 font-medium">Object</th>
              <th scope="col" className="py-1 pr-4 font-medium">Type</th>
              <th scope="col" className="py-1 font-medium">Refcount</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 font-mono dark:divide-zinc-800">
            {moment.frames.flatMap((f) =>
              f.locals.map((l) => {
                const o = byId.get(l.objectId);
                return (
                  <tr key={`${f.name}.${l.name}`}>
                    <td className="py-1 pr-4">{f.name}</td>
                    <td className="py-1 pr-4">{l.name}</td>
                    <td className="py-1 pr-4">
                      #{l.objectId} {o?.preview ?? ""}
                    </td>
                    <td className="py-1 pr-4">{o?.type ?? ""}</td>
                    <td className="py-1 tabular-nums">{o?.refcount ?? "–"}</td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </div>
      {moment.freed.length > 0 ? <p className="text-sm">Freed at this step: {moment.freed.map((id) => `#${id}`).join(", ")}</p> : null}
    </div>
  );
}

export function FeedbackPanel({ result, attemptNumber }: { result: AttemptResult; attemptNumber: number }) {
  if (!result.released || !result.feedback) {
    return (
      <section aria-label="Your answer" className="rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800" data-testid="feedback-hidden">
        Attempt {attemptNumber} is stored. Its score and feedback appear when the results are released.
      </section>
    );
  }
  const fb = result.feedback;
  const tone = result.correct
    ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950"
    : "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950";
  return (
    <section aria-label="Feedback" className={`space-y-3 rounded-lg border p-4 ${tone}`} data-testid="feedback">
      <p className="font-semibold" data-testid="verdict">
        {result.correct ? "Right" : (result.score ?? 0) > 0 ? "Partly right" : "Wrong"} · attempt {attemptNumber} ·{" "}
        <span className="tabular-nums">
          {result.points} / {result.maxPoints} point{result.maxPoints === 1 ? "" : "s"}
        </span>
      </p>
      <p className="whitespace-pre-wrap">{fb.summary}</p>
      {fb.misconception ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950" data-testid="misconception">
          <p className="font-medium">Likely misconception: {fb.misconception.title}</p>
          <div className="text-sm">
            <Prose text={fb.misconception.explanation} />
          </div>
        </div>
      ) : null}
      {fb.keyMoment ? <MemoryTable moment={fb.keyMoment} /> : null}
    </section>
  );
}

export const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The way back from a question or the results to the assessment's page. */
export function BackToAssessment({ id, title }: { id: string; title: string }) {
  return (
    <p className="text-sm">
      <Link href={`/assessments/${id}`} className="underline">
        ← {title}
      </Link>
    </p>
  );
}
