"use client";
// Reads the chosen files in the browser (JSON files as text, a zip as base64) and posts them to
// the import route, which validates every file before writing anything.
import { useState } from "react";

type Outcome = { ok: true; files: number; created: string[]; versioned: string[]; unchanged: string[] } | { ok: false; message: string; problems: string[] };

export function ImportForm({ courseId }: { courseId: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: HTMLFormElement) {
    const input = form.elements.namedItem("files") as HTMLInputElement;
    const chosen = [...(input.files ?? [])];
    if (chosen.length === 0) return setOutcome({ ok: false, message: "Choose .json files or a .zip first.", problems: [] });
    setPending(true);
    try {
      const zip = chosen.find((f) => f.name.endsWith(".zip"));
      let body: unknown;
      if (zip) {
        const bytes = new Uint8Array(await zip.arrayBuffer());
        let bin = "";
        for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        body = { zip: btoa(bin) };
      } else {
        // webkitRelativePath keeps mechanism/ when a folder was chosen; a bare name is checked alone.
        body = { files: await Promise.all(chosen.map(async (f) => ({ path: f.webkitRelativePath || f.name, text: await f.text() }))) };
      }
      const res = await fetch(`/api/courses/${courseId}/questions/import`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const json = (await res.json()) as { message?: string; problems?: string[]; issues?: { path: string; message: string }[]; files?: number; created?: string[]; versioned?: string[]; unchanged?: string[] };
      if (!res.ok) setOutcome({ ok: false, message: json.message ?? `Import failed (${res.status}).`, problems: json.problems ?? (json.issues ?? []).map((i) => `${i.path}: ${i.message}`) });
      else setOutcome({ ok: true, files: json.files ?? 0, created: json.created ?? [], versioned: json.versioned ?? [], unchanged: json.unchanged ?? [] });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      <div className="space-y-1">
        <label htmlFor="import-files" className="block text-sm font-medium">
          Question files (.json, several at once) or one .zip
        </label>
        <input id="import-files" name="files" type="file" multiple accept=".json,.zip,application/json,application/zip" className="block text-sm" />
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "Importing…" : "Import"}
      </button>
      {outcome ? (
        outcome.ok ? (
          <p role="status" data-testid="import-result" className="text-sm text-emerald-700 dark:text-emerald-400">
            {outcome.files} files: {outcome.created.length} created, {outcome.versioned.length} new versions, {outcome.unchanged.length} unchanged.
          </p>
        ) : (
          <div role="alert" data-testid="import-result" className="text-sm text-red-700 dark:text-red-400">
            <p>{outcome.message}</p>
            <ul className="list-disc pl-5 font-mono text-xs">
              {outcome.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </form>
  );
}
