// "Predict, then reveal": the program, a prompt to commit to an answer, and the real output behind
// a <details> disclosure (keyboard and screen-reader friendly without any script).
import type { ReactNode } from "react";
import { PYTHON_VERSIONS } from "@/lib/questions/mechanisms";
import { predictPropsSchema } from "@/lib/lessons/props";
import { CodeListing } from "./code-listing";

export function Predict(raw: Record<string, unknown> & { children?: ReactNode }) {
  const p = predictPropsSchema.parse(raw);
  const allVersions = p.versions.length === PYTHON_VERSIONS.length;
  const where = `${p.mode === "repl" ? "typed line by line in the interactive shell" : "run as a script"}${allVersions ? ", on every Python version from 3.10 to 3.14" : `, on Python ${p.versions.join(", ")}`}`;
  return (
    <figure data-testid="predict" className="my-6 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <figcaption className="mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">
        Predict: what does this print, {where}?
      </figcaption>
      <CodeListing code={p.code} label="Program to predict" />
      <details className="group mt-3">
        <summary className="cursor-pointer rounded-md px-1 text-sm font-semibold text-brand-700 hover:underline dark:text-brand-300">
          Reveal the output
        </summary>
        <div className="mt-2 space-y-2">
          <pre data-testid="predict-output" className="overflow-x-auto rounded-lg bg-zinc-900 p-3 font-mono text-sm text-zinc-50 dark:bg-black">
            {p.output}
          </pre>
          <div className="text-sm leading-6 [&_p]:my-2">{raw.children}</div>
        </div>
      </details>
    </figure>
  );
}
