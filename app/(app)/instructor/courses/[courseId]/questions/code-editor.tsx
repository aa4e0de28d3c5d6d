"use client";
// The code template's editor: CodeMirror 6 with Python highlighting (basicSetup: line numbers,
// bracket matching, undo history, search). Mounted once; the parent's value is pushed in only
// when it differs from the document, so typing never fights a re-render. Tab indents, as authors
// of Python expect; CodeMirror's accessible way out is built in: Escape, then Tab, leaves the
// editor (the keyboard hint under the label says so).
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { indentUnit } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { useEffect, useRef } from "react";

export function CodeEditor({ id, value, onChange, readOnly, invalid, describedBy }: { id: string; value: string; onChange: (v: string) => void; readOnly?: boolean; invalid?: boolean; describedBy?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          keymap.of([indentWithTab]),
          python(),
          EditorState.tabSize.of(4),
          // Four spaces a level, as PEP 8 and every bank template indent (CodeMirror's default is two).
          indentUnit.of("    "),
          EditorState.readOnly.of(!!readOnly),
          EditorView.editable.of(!readOnly),
          EditorView.contentAttributes.of({ "aria-labelledby": `${id}-label`, ...(describedBy ? { "aria-describedby": describedBy } : {}), "data-testid": "code-editor" }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current(u.state.doc.toString());
          }),
          EditorView.theme({ "&": { fontSize: "0.875rem" }, ".cm-content": { fontFamily: "ui-monospace, monospace" }, ".cm-scroller": { minHeight: "12rem" } }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // Created once per mount; later values arrive through the effect below.
  }, [readOnly]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} id={id} className={`overflow-hidden rounded-md border bg-white text-zinc-900 ${invalid ? "border-red-500" : "border-zinc-300 dark:border-zinc-700"}`} />;
}
