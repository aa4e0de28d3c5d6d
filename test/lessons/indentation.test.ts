// Lesson programs reach the page with the indentation they were written with. MDX strips up to
// two leading spaces from each continuation line of a multi-line attribute (content/lessons/
// README.md says how lessons are written because of it); a lesson that forgets shows, simulates
// and tests its 4-space Python as 2-space Python, which still runs, so only the indentation tells.
import { beforeAll, describe, expect, it } from "vitest";
import { LESSON_SLUGS } from "@/lib/lessons/catalog";
import { type CompiledLesson, compileLesson } from "./mdx";

const lessons: CompiledLesson[] = [];
beforeAll(async () => {
  for (const slug of LESSON_SLUGS) lessons.push(await compileLesson(slug));
});

/** Every string prop that holds a program of more than one line. */
function programs(l: CompiledLesson): { where: string; code: string }[] {
  return l.used.flatMap((u, i) =>
    Object.entries(u.props)
      .filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "children" && /\n/.test(e[1]) && /code|program|source/i.test(e[0]))
      .map(([name, code]) => ({ where: `${l.slug} <${u.component}> #${i} ${name}`, code })),
  );
}

describe("lesson programs keep their indentation", () => {
  it("finds the multi-line programs (the check below has something to check)", () => {
    expect(lessons.flatMap(programs).length).toBeGreaterThan(30);
  });
  it("every indented line is indented by a multiple of four spaces, as written", () => {
    const odd = lessons.flatMap(programs).flatMap(({ where, code }) =>
      code
        .split("\n")
        .map((line, n) => ({ n, indent: /^ */.exec(line)?.[0].length ?? 0, blank: line.trim() === "" }))
        .filter((x) => !x.blank && x.indent % 4 !== 0)
        .map((x) => `${where} line ${x.n + 1}: ${x.indent} spaces`),
    );
    expect(odd).toEqual([]);
  });
});
