"use client";
// The question editor: the form of a template, with a live preview computed on the server (a
// debounced server action: the browser never runs the simulator or sees more than the author
// could compute anyway), "check 100 variants", the version table and the Pyodide cross-check.
// Every message from the schema lands under the field it is about (lib/authoring/draft.ts).
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { CodeView, Prose } from "@/app/(app)/assessments/ui";
import { MemoryStepperView } from "@/app/lessons/_components/memory-stepper-view";
import { type Draft, type DraftErrors, type DraftField, paramsProblems } from "@/lib/authoring/draft";
import type { CrossCheck } from "@/lib/authoring/pyodide/crosscheck";
import type { CheckReport, Preview, VersionRow } from "@/lib/authoring/simulate";
import { type ActionState, idle } from "@/lib/http/action-state";
import { ANSWER_KINDS } from "@/lib/questions/schema";
import { MECHANISMS, PYTHON_VERSIONS } from "@/lib/questions/mechanisms";
import { checkAction, crossCheckAction, previewAction, saveAction, versionsAction } from "./actions";
import { CodeEditor } from "./code-editor";

type Judged<T> = { ok: false; errors: DraftErrors } | ({ ok: true } & T);

const input = "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";
const button = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";
const primary = "rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60";
const panel = "rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900";

function Errors({ name, errors }: { name: DraftField; errors: DraftErrors }) {
  const list = errors[name];
  if (!list?.length) return null;
  return (
    <ul id={`f-${name}-error`} data-testid={`error-${name}`} className="space-y-0.5 text-sm text-red-700 dark:text-red-400">
      {list.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

function Label({ name, children, hint }: { name: string; children: React.ReactNode; hint?: string }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} id={`f-${name}-label`} className="block text-sm font-medium">
        {children}
      </label>
      {hint ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</p> : null}
    </div>
  );
}

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

export function QuestionEditor({
  courseId,
  questionId,
  initialDraft,
  canEdit,
  readOnlyNote = "You can preview and check, but only the course's instructors can save.",
  misconceptions,
}: {
  courseId: string;
  /** "" for a new question. */
  questionId: string;
  initialDraft: Draft;
  canEdit: boolean;
  /** Why the form is read-only, when it is. */
  readOnlyNote?: string;
  misconceptions: { id: string; name: string }[];
}) {
  const [draft, setDraft] = useState<Draft>(initialDraft);
  const [serverErrors, setErrors] = useState<DraftErrors>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [traceSeed, setTraceSeed] = useState(0);
  const [check, setCheck] = useState<CheckReport | null>(null);
  const [rows, setRows] = useState<VersionRow[] | null>(null);
  const [cross, setCross] = useState<CrossCheck | null>(null);
  const [seed, setSeed] = useState(0);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, startBusy] = useTransition();
  const latest = useRef(0);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  // The parameters are judged here as they are typed (zod, lib/authoring/draft.ts): their message
  // shows at once, without waiting for the server's preview, and a save is not sent while it does.
  const paramsLocal = useMemo(() => paramsProblems(draft.params), [draft.params]);
  const errors: DraftErrors = paramsLocal.length > 0 ? { ...serverErrors, params: paramsLocal } : serverErrors;
  const fields = useCallback((extra: Record<string, string> = {}) => form({ courseId, draft: JSON.stringify(draft), ...extra }), [courseId, draft]);

  /** Shows a failed action's message; returns the data when the action ran. */
  function unwrap<T>(state: ActionState<Judged<T>>): ({ ok: true } & T) | null {
    if (state.status === "error") {
      setMessage({ ok: false, text: state.message });
      return null;
    }
    if (state.status !== "ok") return null;
    if (!state.data.ok) {
      setErrors(state.data.errors);
      return null;
    }
    return state.data;
  }

  // Live preview: 600 ms after the last keystroke; an older answer never overwrites a newer one.
  useEffect(() => {
    const n = ++latest.current;
    const timer = setTimeout(async () => {
      setPreviewing(true);
      const state = (await previewAction(idle, fields())) as ActionState<Judged<{ preview: Preview }>>;
      if (n !== latest.current) return;
      setPreviewing(false);
      if (state.status === "ok") {
        setErrors(state.data.ok ? {} : state.data.errors);
        if (state.data.ok) setPreview(state.data.preview);
      } else if (state.status === "error") setMessage({ ok: false, text: state.message });
    }, 600);
    return () => clearTimeout(timer);
  }, [fields]);

  const runCheck = () =>
    startBusy(async () => {
      setCheck(null);
      const data = unwrap((await checkAction(idle, fields())) as ActionState<Judged<{ report: CheckReport }>>);
      if (data) setCheck(data.report);
    });
  const runVersions = () =>
    startBusy(async () => {
      setRows(null);
      const data = unwrap((await versionsAction(idle, fields({ seed: String(seed) }))) as ActionState<Judged<{ rows: VersionRow[] }>>);
      if (data) setRows(data.rows);
    });
  const runCross = () =>
    startBusy(async () => {
      setCross(null);
      const data = unwrap((await crossCheckAction(idle, fields({ seed: String(seed) }))) as ActionState<Judged<{ result: CrossCheck }>>);
      if (data) setCross(data.result);
    });
  const save = () =>
    startBusy(async () => {
      if (paramsLocal.length > 0) {
        setMessage({ ok: false, text: "Nothing was saved: fix the parameters first." });
        document.getElementById("f-params")?.focus();
        return;
      }
      setMessage(null);
      const state = (await saveAction(idle, fields({ questionId }))) as ActionState<Judged<{ version: number; action: string }>>;
      if (state.status === "error") setMessage({ ok: false, text: state.message });
      else if (state.status === "ok") {
        if (!state.data.ok) {
          setErrors(state.data.errors);
          setMessage({ ok: false, text: state.message });
        } else setMessage({ ok: true, text: state.message });
      }
    });

  const invalid = (name: DraftField) => (errors[name]?.length ? true : undefined);
  const described = (name: DraftField) => (errors[name]?.length ? `f-${name}-error` : undefined);
  const shown = preview?.variants.find((v) => v.seed === traceSeed) ?? preview?.variants[0];

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <form
        className="space-y-4"
        noValidate
        aria-label="Question template"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Errors name="_form" errors={errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1">
            <Label name="title">Title</Label>
            <input id="f-title" className={input} value={draft.title} onChange={(e) => set("title", e.target.value)} aria-invalid={invalid("title")} aria-describedby={described("title")} readOnly={!canEdit} />
            <Errors name="title" errors={errors} />
          </div>
          <div className="space-y-1">
            <Label name="slug">Slug</Label>
            <input id="f-slug" className={`${input} font-mono`} value={draft.slug} onChange={(e) => set("slug", e.target.value)} aria-invalid={invalid("slug")} aria-describedby={described("slug")} readOnly={!canEdit} placeholder="alias-append" />
            <Errors name="slug" errors={errors} />
          </div>
          <div className="space-y-1">
            <Label name="mechanism">Mechanism</Label>
            <select id="f-mechanism" className={input} value={draft.mechanism} onChange={(e) => set("mechanism", e.target.value)} aria-invalid={invalid("mechanism")} disabled={!canEdit}>
              {MECHANISMS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
            <Errors name="mechanism" errors={errors} />
          </div>
          <div className="space-y-1">
            <Label name="mode">Mode</Label>
            <select id="f-mode" className={input} value={draft.mode} onChange={(e) => set("mode", e.target.value === "repl" ? "repl" : "script")} disabled={!canEdit}>
              <option value="script">script (one file)</option>
              <option value="repl">repl (each statement at &gt;&gt;&gt;)</option>
            </select>
          </div>
        </div>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Python versions (none ticked: every version)</legend>
          <div className="flex flex-wrap gap-3">
            {PYTHON_VERSIONS.map((v) => (
              <label key={v} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={draft.pythonVersions.includes(v)}
                  disabled={!canEdit}
                  onChange={(e) => set("pythonVersions", e.target.checked ? PYTHON_VERSIONS.filter((x) => x === v || draft.pythonVersions.includes(x)) : draft.pythonVersions.filter((x) => x !== v))}
                />
                {v}
              </label>
            ))}
          </div>
          <Errors name="pythonVersions" errors={errors} />
        </fieldset>
        <div className="space-y-1">
          <Label name="prompt" hint="Markdown (`code`, **bold**) with {{param}} placeholders.">
            Prompt
          </Label>
          <textarea id="f-prompt" rows={3} className={input} value={draft.prompt} onChange={(e) => set("prompt", e.target.value)} aria-invalid={invalid("prompt")} aria-describedby={described("prompt")} readOnly={!canEdit} />
          <Errors name="prompt" errors={errors} />
        </div>
        <div className="space-y-1">
          <Label name="code" hint="Python with {{param}} placeholders; end a line with # (A) to mark it.">
            Code template
          </Label>
          <p id="f-code-keys" className="text-xs text-zinc-600 dark:text-zinc-400">
            Tab indents. To leave the editor with the keyboard, press Escape, then Tab.
          </p>
          <CodeEditor id="f-code" value={draft.code} onChange={(v) => set("code", v)} readOnly={!canEdit} invalid={!!invalid("code")} describedBy={["f-code-keys", described("code")].filter(Boolean).join(" ")} />
          <Errors name="code" errors={errors} />
        </div>
        <div className="space-y-1">
          <Label name="params" hint='JSON: {"n": {"int": [1, 9]}, "w": {"choice": ["a", "b"]}}; "distinctFrom": ["other"] on either.'>
            Parameters
          </Label>
          <textarea id="f-params" rows={4} spellCheck={false} className={`${input} font-mono`} value={draft.params} onChange={(e) => set("params", e.target.value)} aria-invalid={invalid("params")} aria-describedby={described("params")} readOnly={!canEdit} />
          <Errors name="params" errors={errors} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1">
            <Label name="answerKind">Answer kind</Label>
            <select id="f-answerKind" className={input} value={draft.answerKind} onChange={(e) => set("answerKind", e.target.value)} aria-invalid={invalid("answerKind")} disabled={!canEdit}>
              {ANSWER_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
            <Errors name="answerKind" errors={errors} />
          </div>
          <div className="space-y-1">
            <Label name="answerSettings" hint='JSON, by kind: integer {"line": -1}; diagram {"at": "A", "names": ["a", "b"]}; choice {"options": [...], "correct": 0}.'>
              Answer settings
            </Label>
            <textarea id="f-answerSettings" rows={3} spellCheck={false} className={`${input} font-mono`} value={draft.answerSettings} onChange={(e) => set("answerSettings", e.target.value)} aria-invalid={invalid("answerSettings")} aria-describedby={described("answerSettings")} readOnly={!canEdit} />
            <Errors name="answerSettings" errors={errors} />
          </div>
        </div>
        <details className="space-y-2">
          <summary className="cursor-pointer text-sm font-medium">Misconceptions, constant answer, exceptions, source</summary>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">Misconceptions to report (none ticked: all that apply)</legend>
            <div className="grid gap-1 sm:grid-cols-2">
              {misconceptions.map((m) => (
                <label key={m.id} className="flex items-start gap-1 text-sm">
                  <input
                    type="checkbox"
                    className="mt-1"
                    disabled={!canEdit}
                    checked={draft.misconceptions.includes(m.id)}
                    onChange={(e) => set("misconceptions", e.target.checked ? [...draft.misconceptions, m.id] : draft.misconceptions.filter((x) => x !== m.id))}
                  />
                  <span>{m.name}</span>
                </label>
              ))}
            </div>
            <Errors name="misconceptions" errors={errors} />
          </fieldset>
          <div className="space-y-1">
            <Label name="constantAnswerReason" hint="Only when one answer for every seed is the lesson: say why.">
              Constant answer: reason
            </Label>
            <input id="f-constantAnswerReason" className={input} value={draft.constantAnswerReason} onChange={(e) => set("constantAnswerReason", e.target.value)} aria-invalid={invalid("constantAnswerReason")} aria-describedby={described("constantAnswerReason")} readOnly={!canEdit} />
            <Errors name="constantAnswerReason" errors={errors} />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={draft.expectsException} disabled={!canEdit} onChange={(e) => set("expectsException", e.target.checked)} />
            The code raises on purpose (the traceback&apos;s last line is part of the output)
          </label>
          <div className="space-y-1">
            <Label name="source">Source in the course notes</Label>
            <input id="f-source" className={input} value={draft.source} onChange={(e) => set("source", e.target.value)} readOnly={!canEdit} />
          </div>
        </details>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={primary} disabled={!canEdit || busy} data-testid="save">
            {questionId ? "Save new version" : "Create question"}
          </button>
          {!canEdit ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{readOnlyNote}</p> : null}
        </div>
        {message ? (
          <p role={message.ok ? "status" : "alert"} data-testid="editor-message" className={`text-sm ${message.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>
            {message.text}
          </p>
        ) : null}
      </form>

      <div className="space-y-6">
        <section className={panel} aria-labelledby="preview-h" aria-busy={previewing}>
          <div className="flex items-center justify-between">
            <h2 id="preview-h" className="text-lg font-semibold">
              Preview {preview ? <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">on Python {preview.python}</span> : null}
            </h2>
            <span className="text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
              {previewing ? "Updating…" : Object.keys(errors).length ? "Fix the errors to update" : ""}
            </span>
          </div>
          {preview ? (
            <div className="mt-3 space-y-4">
              {preview.variants.map((v) => (
                <article key={v.seed} data-testid="preview-variant" className="space-y-2 border-t border-zinc-200 pt-3 first:border-0 first:pt-0 dark:border-zinc-800">
                  <h3 className="text-sm font-semibold">
                    Seed {v.seed}{" "}
                    <span className="font-mono font-normal text-zinc-600 dark:text-zinc-400">
                      {Object.entries(v.params)
                        .map(([k, val]) => `${k}=${JSON.stringify(val)}`)
                        .join(" ")}
                    </span>
                  </h3>
                  <Prose text={v.view.prompt} />
                  {v.view.code ? <CodeView code={v.view.code} label={`Code of seed ${v.seed}`} /> : null}
                  {v.view.options ? (
                    <ol className="list-decimal pl-6 text-sm">
                      {v.view.options.map((o, i) => (
                        <li key={i}>{o}</li>
                      ))}
                    </ol>
                  ) : null}
                  {v.view.targets ? <p className="text-sm">Objects asked about: {v.view.targets.map((t) => t.label).join("; ")}</p> : null}
                  {v.view.names ? <p className="text-sm">Names to draw at ({v.view.at}): {v.view.names.join(", ")}</p> : null}
                  {v.key !== null ? (
                    <p className="text-sm">
                      <span className="font-medium">Key:</span> <code data-testid="preview-key" className="rounded bg-emerald-50 px-1 font-mono whitespace-pre-wrap text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">{v.key}</code>
                    </p>
                  ) : (
                    <p role="alert" className="text-sm text-red-700 dark:text-red-400" data-testid="preview-error">
                      Not gradable ({v.error?.code}): {v.error?.message}
                    </p>
                  )}
                  {v.alternatives.length ? (
                    <p className="text-xs text-zinc-600 dark:text-zinc-400">
                      Recognised wrong answers: {v.alternatives.map((a) => `${a.answer} (${a.misconception})`).join("; ")}
                    </p>
                  ) : null}
                </article>
              ))}
              {shown ? (
                <div>
                  <div className="flex items-center gap-2">
                    <label htmlFor="trace-seed" className="text-sm font-medium">
                      Step trace of
                    </label>
                    <select id="trace-seed" className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900" value={shown.seed} onChange={(e) => setTraceSeed(Number(e.target.value))}>
                      {preview.variants.map((v) => (
                        <option key={v.seed} value={v.seed}>
                          seed {v.seed}
                        </option>
                      ))}
                    </select>
                  </div>
                  <MemoryStepperView key={`${shown.seed}-${shown.view.code}`} code={shown.view.code} mode={shown.view.mode} initialPython={preview.python} runs={[shown.run]} />
                </div>
              ) : null}
            </div>
          ) : (
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{previewing ? "Simulating…" : "The preview appears when the template is valid."}</p>
          )}
        </section>

        <section className={panel} aria-labelledby="check-h">
          <h2 id="check-h" className="text-lg font-semibold">
            Check 100 variants
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Simulates seeds 0 to 99: errors, unsupported code, budget stops, trivial keys and the spread of answers.</p>
          <button type="button" className={`${button} mt-2`} onClick={runCheck} disabled={busy}>
            Check 100 variants
          </button>
          {check ? <CheckResult report={check} /> : null}
        </section>

        <section className={panel} aria-labelledby="versions-h">
          <h2 id="versions-h" className="text-lg font-semibold">
            Version safety
          </h2>
          <div className="mt-2 flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="seed" className="block text-sm font-medium">
                Seed
              </label>
              <input id="seed" type="number" min={0} className={`${input} w-28`} value={seed} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
            </div>
            <button type="button" className={button} onClick={runVersions} disabled={busy}>
              Compare Python versions
            </button>
            {canEdit ? (
              <button type="button" className={button} onClick={runCross} disabled={busy}>
                Cross-check on CPython 3.14 (Pyodide)
              </button>
            ) : null}
          </div>
          {rows ? <VersionTable rows={rows} /> : null}
          {cross ? <CrossResult result={cross} /> : null}
        </section>
      </div>
    </div>
  );
}

function CheckResult({ report }: { report: CheckReport }) {
  const max = Math.max(1, ...report.spread.map((s) => s.count));
  return (
    <div className="mt-3 space-y-3 text-sm" data-testid="check-result">
      <p>
        {report.simulated} of {report.seeds} seeds simulated on Python {report.python} in {report.ms} ms: <strong>{report.gradable} gradable</strong>, {report.spread.length} distinct{" "}
        {report.spread.length === 1 ? "answer" : "answers"}.
      </p>
      {report.stoppedEarly ? <p className="text-amber-800 dark:text-amber-300">{report.stoppedEarly}</p> : null}
      {report.trivial ? (
        <p role="alert" className="text-red-700 dark:text-red-400">
          Trivial: {report.trivial}
        </p>
      ) : null}
      {report.problems.length ? (
        <table className="w-full text-left">
          <caption className="text-left font-medium">Seeds that cannot be graded</caption>
          <thead>
            <tr>
              <th scope="col">reason</th>
              <th scope="col">seeds</th>
              <th scope="col">first message</th>
            </tr>
          </thead>
          <tbody data-testid="check-problems">
            {report.problems.map((p) => (
              <tr key={p.code} className="align-top">
                <td className="pr-2 font-mono">{p.code}</td>
                <td className="pr-2 tabular-nums">
                  {p.count} ({p.seeds.join(", ")}
                  {p.count > p.seeds.length ? ", …" : ""})
                </td>
                <td className="break-all">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.spread.length ? (
        <table className="w-full text-left" data-testid="spread">
          <caption className="text-left font-medium">Spread of answers</caption>
          <thead>
            <tr>
              <th scope="col">answer</th>
              <th scope="col">seeds</th>
              <th scope="col" className="w-1/3">
                <span className="sr-only">share</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {report.spread.map((s) => (
              <tr key={s.answer}>
                <td className="pr-2 font-mono whitespace-pre-wrap">{s.answer}</td>
                <td className="pr-2 tabular-nums">{s.count}</td>
                <td>
                  <div aria-hidden className="h-3 rounded bg-brand-600" style={{ width: `${(100 * s.count) / max}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function VersionTable({ rows }: { rows: VersionRow[] }) {
  return (
    <table className="mt-3 w-full text-left text-sm" data-testid="version-table">
      <caption className="text-left font-medium">The key on each Python version</caption>
      <thead>
        <tr>
          <th scope="col">Python</th>
          <th scope="col">key</th>
          <th scope="col">note</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.python} className={`align-top ${r.differs ? "bg-amber-50 dark:bg-amber-950/40" : ""}`}>
            <td className="pr-2 font-mono">
              {r.python}
              {r.offered ? "" : " (not offered)"}
            </td>
            <td className="pr-2 font-mono whitespace-pre-wrap">{r.key ?? `not gradable (${r.error?.code})`}</td>
            <td>
              {r.differs ? (
                <div className="text-amber-900 dark:text-amber-200">
                  <strong>Differs from {PYTHON_VERSIONS[PYTHON_VERSIONS.indexOf(r.python) - 1]}.</strong>
                  {r.reasons.length ? (
                    <ul className="list-disc pl-4">
                      {r.reasons.map((x) => (
                        <li key={x}>{x}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CrossResult({ result }: { result: CrossCheck }) {
  if (!result.ok) {
    return (
      <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400" data-testid="cross-check">
        Cross-check of seed {result.seed} failed: {result.error}
      </p>
    );
  }
  return (
    <div className="mt-3 space-y-2 text-sm" data-testid="cross-check">
      <p>
        Seed {result.seed} on CPython {result.pythonVersion} (Pyodide {result.pyodideVersion}, {result.pointerSize * 8}-bit):{" "}
        <strong data-testid="cross-verdict">{result.agree ? "agrees with the simulator" : "differs from the simulator"}</strong>
        {result.key ? `; key: simulator ${result.key.simulator ?? "none"}, Pyodide ${result.key.pyodide ?? "none"} (${result.key.agree ? "agree" : "disagree"})` : ""}.
      </p>
      {result.pointerSize !== 8 ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Pyodide is a wasm32 build: refcounts of immortal objects (None, small ints, …) and object sizes differ from 64-bit CPython 3.14, which is what the simulator models. Lines that differ only for that reason are marked.
        </p>
      ) : null}
      {result.pyodideError ? <p>Pyodide: {result.pyodideError}</p> : null}
      <table className="w-full text-left">
        <thead>
          <tr>
            <th scope="col">line</th>
            <th scope="col">simulator</th>
            <th scope="col">Pyodide</th>
            <th scope="col">agree</th>
          </tr>
        </thead>
        <tbody>
          {result.lines.map((l) => (
            <tr key={l.n} className="align-top">
              <td className="pr-2 tabular-nums">{l.n}</td>
              <td className="pr-2 font-mono">{l.simulator ?? "—"}</td>
              <td className="pr-2 font-mono">{l.pyodide ?? "—"}</td>
              <td>
                {l.agree ? "yes" : "no"}
                {l.note ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{l.note}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
