// Version profiles as data: each CPython version's observable memory-model differences, each
// figure recorded from the real interpreters on this machine (3.10.13, 3.11.7, 3.12.1, 3.13.0).
// 3.14 is what `python3.14 file.py` prints on a 64-bit build: behaviour checked against Pyodide's
// 3.14 (the only 3.14 here), sizes and the immortal count from CPython 3.14's 64-bit layout (the
// wasm32 figures Pyodide prints are recorded in the corpus as pyodideQuirk cells).

export type PythonVersion = "3.10" | "3.11" | "3.12" | "3.13" | "3.14";
export const VERSIONS: PythonVersion[] = ["3.10", "3.11", "3.12", "3.13", "3.14"];

export interface Profile {
  version: PythonVersion;
  /** What sys.getrefcount reports for an immortal object, or null before immortality (3.12). */
  immortalRefcount: number | null;
  /** Interned strings are immortal (3.12 only: 3.13 made them mortal again). */
  internedImmortal: boolean;
  /** The caller's evaluation stack keeps its argument references during a call (3.10). */
  callerKeepsArgs: boolean;
  /** Loads of fast locals are borrowed references (3.14 LOAD_FAST_BORROW). */
  borrowedLocalLoads: boolean;
  /** The parser's arena holds a reference to each constant while a script file runs. */
  arenaHoldsConstants: boolean;
  /** An instance's attribute dict is a separate object the collector counts (3.10). */
  instanceDictCounted: boolean;
  /** A one-character str constant is the runtime's cached character object (not in 3.11/3.12). */
  charConstIsCached: boolean;
  /** A materialized instance __dict__ is a separate collector-tracked object (3.11, 3.12; 3.13 keeps inline values). */
  materializedDictTracked: boolean;
  /** Tuples built at run time from untracked items start untracked (3.14). */
  atomicTuplesUntracked: boolean;
  /** gc.get_threshold() at start-up. */
  threshold: [number, number, number];
  /** Comprehensions are inlined into their enclosing code (PEP 709, 3.12). */
  inlinedComprehensions: boolean;
  /** Empty dicts are tracked by the collector (3.14). */
  dictsAlwaysTracked: boolean;
  /** Pointer width in bytes (every profile is a 64-bit build). */
  pointer: 8;
  /** The instance's getsizeof (no __slots__). */
  instanceSize: number;
  /** sys.getsizeof bases. */
  size: { intBase: number; int0: number; float: number; strAscii: number; strLatin1: number; none: number; list: number; tuple: number; dictEmpty: number; set: number; setEntry: number; dict: { general: number[]; unicode: number[] } };
}

const S64 = (strAscii: number, strLatin1: number, int0: number, dict: { general: number[]; unicode: number[] }) => ({
  intBase: 24, int0, float: 24, strAscii, strLatin1, none: 16, list: 56, tuple: 40, dictEmpty: 64, set: 216, setEntry: 16, dict,
});
// dict sizes by keys-table size 8, 16, 32, 64, 128 (measured, then extended by the entry size)
const D310 = { general: [232, 360, 640, 1176, 2272], unicode: [232, 360, 640, 1176, 2272] };
const D311 = { general: [224, 352, 632, 1168, 2264], unicode: [184, 272, 464, 832, 1616] };

export const PROFILES: Record<PythonVersion, Profile> = {
  "3.10": { version: "3.10", atomicTuplesUntracked: false, materializedDictTracked: true, charConstIsCached: true, immortalRefcount: null, internedImmortal: false, callerKeepsArgs: true, borrowedLocalLoads: false, arenaHoldsConstants: true, instanceDictCounted: true, threshold: [700, 10, 10], inlinedComprehensions: false, dictsAlwaysTracked: false, pointer: 8, instanceSize: 48, size: S64(49, 73, 24, D310) },
  "3.11": { version: "3.11", atomicTuplesUntracked: false, materializedDictTracked: true, charConstIsCached: false, immortalRefcount: null, internedImmortal: false, callerKeepsArgs: false, borrowedLocalLoads: false, arenaHoldsConstants: true, instanceDictCounted: false, threshold: [700, 10, 10], inlinedComprehensions: false, dictsAlwaysTracked: false, pointer: 8, instanceSize: 56, size: S64(49, 73, 28, D311) },
  "3.12": { version: "3.12", atomicTuplesUntracked: false, materializedDictTracked: true, charConstIsCached: false, immortalRefcount: 4294967295, internedImmortal: true, callerKeepsArgs: false, borrowedLocalLoads: false, arenaHoldsConstants: true, instanceDictCounted: false, threshold: [700, 10, 10], inlinedComprehensions: true, dictsAlwaysTracked: false, pointer: 8, instanceSize: 48, size: S64(41, 57, 28, D311) },
  "3.13": { version: "3.13", atomicTuplesUntracked: false, materializedDictTracked: false, charConstIsCached: true, immortalRefcount: 4294967295, internedImmortal: false, callerKeepsArgs: false, borrowedLocalLoads: false, arenaHoldsConstants: true, instanceDictCounted: false, threshold: [2000, 10, 10], inlinedComprehensions: true, dictsAlwaysTracked: false, pointer: 8, instanceSize: 48, size: S64(41, 57, 28, D311) },
  // 64-bit 3.14: immortal objects report 3 << 30 (Include/refcount.h, _Py_IMMORTAL_INITIAL_REFCNT);
  // tuples gained a cached hash field (ob_hash), 8 bytes more than 3.13; Pyodide's wasm32 build
  // shows the same field (24 = 8 header + 4 size + 4 hash + 8 GC head). Other layouts are 3.13's.
  "3.14": { version: "3.14", atomicTuplesUntracked: true, materializedDictTracked: false, charConstIsCached: true, immortalRefcount: 3221225472, internedImmortal: false, callerKeepsArgs: false, borrowedLocalLoads: true, arenaHoldsConstants: false, instanceDictCounted: false, threshold: [2000, 10, 0], inlinedComprehensions: true, dictsAlwaysTracked: true, pointer: 8, instanceSize: 48, size: { ...S64(41, 57, 28, D311), tuple: 48 } },
};
