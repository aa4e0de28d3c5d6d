// A numbered Python listing; `current` marks the line about to run (for the stepper). It can be
// focused, so a listing wider than its box can be scrolled with the keyboard (axe:
// scrollable-region-focusable, found in the question editor's narrow preview column).
export function CodeListing({ code, current, label }: { code: string; current?: number; label: string }) {
  const lines = code.split("\n");
  return (
    <pre aria-label={label} tabIndex={0} className="overflow-x-auto rounded-lg bg-zinc-100 py-3 text-sm leading-6 dark:bg-zinc-900">
      <code className="block font-mono">
        {lines.map((text, i) => {
          const n = i + 1;
          const here = n === current;
          return (
            <span
              key={n}
              data-line={n}
              aria-current={here ? "step" : undefined}
              className={`block pr-4 ${here ? "bg-amber-100 text-zinc-950 dark:bg-amber-900/50 dark:text-white" : ""}`}
            >
              <span aria-hidden className="inline-block w-9 select-none pr-3 text-right text-zinc-600 dark:text-zinc-400">
                {n}
              </span>
              {text || " "}
            </span>
          );
        })}
      </code>
    </pre>
  );
}
