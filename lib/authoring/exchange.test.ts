import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { BANK_DIR, loadBank } from "@/lib/questions/load";
import { exportFiles, parseImport, unzipFiles, zipFiles } from "./exchange";

describe("export and import in content/questions' format", () => {
  const bank = loadBank();
  const definitions = bank.map((e) => e.definition);

  it("round-trips the whole bank through a zip: same paths, same definitions", () => {
    const files = exportFiles(definitions);
    expect(files.map((f) => f.path)).toEqual(bank.map((e) => e.file.split(path.sep).join("/")).sort());
    const back = parseImport(unzipFiles(zipFiles(files)));
    expect(back.errors).toEqual([]);
    const bySlug = new Map(back.definitions.map((d) => [d.definition.slug, d.definition]));
    for (const d of definitions) expect(bySlug.get(d.slug)).toEqual(d);
  });

  it("writes stable text: sorted keys, and the same bytes for the same content", () => {
    const [one] = exportFiles(definitions.slice(0, 1));
    const keys = Object.keys(JSON.parse(one.text));
    expect(keys).toEqual([...keys].sort());
    expect(one.text.endsWith("}\n")).toBe(true);
    expect(Buffer.from(zipFiles(exportFiles(definitions)))).toEqual(Buffer.from(zipFiles(exportFiles([...definitions].reverse()))));
  });

  it("accepts the committed bank files as they are", () => {
    const files = bank.slice(0, 5).map((e) => ({ path: `content/questions/${e.file}`, text: readFileSync(path.join(BANK_DIR, e.file), "utf8") }));
    expect(parseImport(files).errors).toEqual([]);
  });

  it("reports `file: path: message` for every bad file and imports nothing", () => {
    const good = exportFiles(definitions.slice(0, 1))[0];
    const bad = JSON.parse(good.text);
    bad.params = { n: { int: [5, 1] } };
    const r = parseImport([
      good,
      { path: "refcount/broken.json", text: "{ not json" },
      { path: `${bad.mechanism}/${bad.slug}-x.json`, text: JSON.stringify({ ...bad, slug: `${bad.slug}-x` }) },
      { path: `gc/${definitions[0].slug}.json`, text: good.text },
    ]);
    expect(r.definitions).toEqual([]);
    expect(r.errors).toContainEqual(expect.stringMatching(/^refcount\/broken\.json: \(root\): not JSON/));
    expect(r.errors).toContainEqual(expect.stringMatching(new RegExp(`^${bad.mechanism}/${bad.slug}-x\\.json: params\\.n\\.int: `)));
    expect(r.errors).toContainEqual(`gc/${definitions[0].slug}.json: mechanism: is ${definitions[0].mechanism} but the file is in gc/`);
    expect(r.errors).toContainEqual(expect.stringMatching(/already used by/));
  });
});
