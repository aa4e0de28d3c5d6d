"""Oracle driver: runs one program as CPython's script runner or interactive shell would.

Used by scripts/gen-oracle.ts for REPL mode on the pyenv interpreters and for both modes
inside Pyodide (which has no `python3 file.py`). Script mode on pyenv never comes here: the
file is run directly, exactly as a student runs it.

REPL mode, the rule the simulator follows too (see test/sim/README.md):
  * if the file parses, each top-level statement is one input (statements sharing a line,
    `a = 1; b = 2`, are one input; decorators belong to their def/class);
  * if it does not parse, inputs are cut at every line starting in column 0 that is not blank,
    a comment, or a continuation (`else`, `elif`, `except`, `finally`, a closing bracket);
  * each input is compiled with compile(text, "<stdin>", "single") and run in one `__main__`
    namespace: expression values echo through sys.displayhook; an uncaught exception (or a
    SyntaxError) prints its traceback to stderr and the session goes on; exit code 0.
Before the program runs the driver calls gc.collect() once, so garbage left by the host's own
start-up (Pyodide leaves some; `python3 -I -S` leaves none) never shows in gc.collect()'s result.

Usage: python3 -I -S driver.py {script|repl} FILE
"""
import ast
import builtins
import gc
import struct
import sys
import types

_CONTINUATIONS = ("else", "elif", "except", "finally", ")", "]", "}")


def _segments(src):
    lines = src.splitlines()
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return _column0_chunks(lines)
    spans = []
    for stmt in tree.body:
        start = min([stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", [])])
        end = stmt.end_lineno
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return ["\n".join(lines[a - 1:b]) + "\n" for a, b in spans]


def _column0_chunks(lines):
    chunks = []
    for line in lines:
        stripped = line.strip()
        starts_new = (
            line[:1] not in ("", " ", "\t")
            and not stripped.startswith("#")
            and not any(stripped.startswith(k) for k in _CONTINUATIONS)
        )
        if starts_new or not chunks:
            chunks.append([line])
        else:
            chunks[-1].append(line)
    texts = ["\n".join(c) + "\n" for c in chunks]
    return [t for t in texts if any(l.strip() and not l.strip().startswith("#") for l in t.splitlines())]


def _report(exc):
    # sys.excepthook, not the traceback module: the real shell prints through it, and in 3.10
    # only the C hook names user exceptions `__main__.Name`.
    sys.excepthook(type(exc), exc, exc.__traceback__)
    sys.stderr.flush()


def _exit_code(exc):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(str(code) + "\n")
    return 1


def _fresh_main(filename):
    mod = types.ModuleType("__main__")
    mod.__file__ = filename
    mod.__builtins__ = builtins
    sys.modules["__main__"] = mod
    return mod


_START_THRESHOLD = gc.get_threshold()
# `python3 -I -S` never imports site, so site's builtins do not exist there; Pyodide imports site
# at load. Removing them makes NameError hints on 3.14 what `python3.14 -I -S file.py` prints.
_SITE_BUILTINS = ("quit", "exit", "copyright", "credits", "license", "help")


def _reset_process_state():
    # Pyodide runs every program in one process: undo what a previous program may have changed
    # so each starts as a fresh interpreter would (a no-op on a fresh pyenv process).
    gc.enable()
    gc.set_threshold(*_START_THRESHOLD)
    if hasattr(builtins, "_"):
        del builtins._
    for name in _SITE_BUILTINS:
        if hasattr(builtins, name):
            delattr(builtins, name)
    # every program is written to the same path: a warning must not show the previous one's line
    if "linecache" in sys.modules:
        sys.modules["linecache"].clearcache()
    gc.collect()


def run_source(src, mode, filename):
    """Runs `src`; returns the exit code. Output goes to the real sys.stdout / sys.stderr."""
    _reset_process_state()
    mod = _fresh_main(filename)
    ns = mod.__dict__
    if mode == "script":
        try:
            code = compile(src, filename, "exec")
            exec(code, ns)
        except SystemExit as e:
            return _exit_code(e)
        except BaseException as e:  # the learner's exception: report it as the interpreter does
            _report(e)
            return 1
        finally:
            sys.stdout.flush()
        return 0
    for text in _segments(src):
        try:
            code = compile(text, "<stdin>", "single")
            exec(code, ns)
        except SystemExit as e:
            return _exit_code(e)
        except BaseException as e:
            _report(e)
        finally:
            sys.stdout.flush()
    return 0


def finalize_main():
    """What interpreter shutdown would do to __main__: drop its names, collect. Pyodide never
    shuts down, so gen-oracle.ts calls this and flags any output it produces as a Pyodide quirk."""
    mod = sys.modules.get("__main__")
    if mod is not None:
        d = mod.__dict__
        for k in list(d):
            if k != "__builtins__":
                d[k] = None
    if hasattr(builtins, "_"):
        del builtins._  # the REPL's last echoed value is released at shutdown too
    gc.collect()
    sys.stdout.flush()
    sys.stderr.flush()


def pointer_size():
    return struct.calcsize("P")


_REAL_GETREFCOUNT = sys.getrefcount
_IMMORTAL_64 = 3 << 30  # what a 64-bit 3.14 reports for every immortal object (Include/refcount.h)


def use_getrefcount(kind):
    """Pyodide only: "real" restores sys.getrefcount; "identity" wraps it without changing any
    answer (a control run: with 3.14's borrowed local loads the wrapper adds no reference);
    "wide" also reports immortal objects as a 64-bit build does (3 << 30 instead of wasm32's
    7 << 28 or 5 << 28). gen-oracle.ts compares the runs to find the cells where only the
    immortal count's width shows, and records them as a Pyodide quirk."""
    if kind == "real":
        sys.getrefcount = _REAL_GETREFCOUNT
        return
    real = _REAL_GETREFCOUNT
    is_immortal = sys._is_immortal
    widen = kind == "wide"

    def getrefcount(o):
        n = real(o)
        if widen and is_immortal(o):
            return _IMMORTAL_64
        return n

    sys.getrefcount = getrefcount


if __name__ == "__main__" and len(sys.argv) == 3:
    _mode, _path = sys.argv[1], sys.argv[2]
    with open(_path, encoding="utf-8") as _f:
        _src = _f.read()
    _rc = run_source(_src, _mode, _path)
    del _mode, _f, _src
    sys.exit(_rc)
