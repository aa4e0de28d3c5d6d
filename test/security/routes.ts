// The app's routes, read from the app/ folder the way Next reads it: every page.tsx is a page,
// every route.ts a route handler with the HTTP methods it exports, and every file that starts
// with "use server" a set of server actions (its exported functions). Route groups "(x)" do not
// appear in URLs. The authorization matrix (./matrix.ts) must have an entry for each, so a route
// added without one fails the suite instead of going untested.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** The build the server under test runs (another checkout's when E2E_BASE_URL points elsewhere). */
export const NEXT_DIR = process.env.HEAPWISE_NEXT_DIR ?? path.join(ROOT, ".next");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type AppRoutes = {
  /** URL patterns, e.g. "/instructor/courses/[courseId]/roster". */
  pages: string[];
  /** "METHOD /api/pattern", e.g. "GET /api/courses/[courseId]/exports/grades.csv". */
  handlers: string[];
  /** "app/relative/file.ts#exportName". */
  actions: string[];
};

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // Private folders ("_components") are not routes, but may hold "use server" files.
      if (entry.name === "node_modules") continue;
      walk(full, out);
    } else out.push(full);
  }
  return out;
}

export function urlPattern(relDir: string): string {
  const parts = relDir.split(path.sep).filter((p) => p && !/^\(.*\)$/.test(p) && !p.startsWith("@"));
  return `/${parts.join("/")}`;
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  const code = stripComments(source);
  for (const m of code.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(m[1]);
  for (const m of code.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).at(-1)?.trim();
      if (name) found.add(name);
    }
  }
  return HTTP_METHODS.filter((method) => found.has(method));
}

export function isUseServerFile(source: string): boolean {
  return /^\s*["']use server["'];?/.test(stripComments(source).trimStart());
}

export function exportedFunctions(source: string): string[] {
  const code = stripComments(source);
  const names = new Set<string>();
  for (const m of code.matchAll(/export\s+(?:const|let|async\s+function\*?|function\*?)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of code.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).at(-1)?.trim();
      if (name && !name.startsWith("type ")) names.add(name);
    }
  }
  return [...names].sort();
}

export function readAppRoutes(root = ROOT): AppRoutes {
  const app = path.join(root, "app");
  const pages: string[] = [];
  const handlers: string[] = [];
  const actions: string[] = [];
  for (const file of walk(app)) {
    const rel = path.relative(app, file);
    const base = path.basename(rel);
    if (/^page\.(tsx|ts|jsx|js|mdx?)$/.test(base)) pages.push(urlPattern(path.dirname(rel)));
    else if (/^route\.(ts|js)$/.test(base)) {
      const pattern = urlPattern(path.dirname(rel));
      for (const method of exportedMethods(readFileSync(file, "utf8"))) handlers.push(`${method} ${pattern}`);
    }
    if (/\.(tsx?|jsx?)$/.test(base)) {
      const source = readFileSync(file, "utf8");
      if (isUseServerFile(source)) {
        for (const name of exportedFunctions(source)) actions.push(`${path.relative(root, file).split(path.sep).join("/")}#${name}`);
      }
    }
  }
  return { pages: pages.sort(), handlers: handlers.sort(), actions: actions.sort() };
}
