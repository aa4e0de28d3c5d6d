import { describe, expect, it } from "vitest";
import { MULTI_CHAR_OPS, tokenize } from "./tokenizer";

const ops = (src: string) => tokenize(src).filter((t) => t.kind === "OP").map((t) => t.value);

describe("tokenizer operators", () => {
  it("reads every operator of two or three characters as one token, longest first", () => {
    for (const op of MULTI_CHAR_OPS) expect(ops(`a ${op} b\n`), op).toEqual([op]);
    expect(ops("a**=b//=c>>=d<<=e\n")).toEqual(["**=", "//=", ">>=", "<<="]);
    expect(ops("x[1:]...\n")).toEqual(["[", ":", "]", "..."]);
    expect(ops("a**-b\n")).toEqual(["**", "-"]);
    expect(ops("a<-b\n")).toEqual(["<", "-"]);
    expect(ops("a=-b\n")).toEqual(["=", "-"]);
    expect(ops("f(a,*b,**c)\n")).toEqual(["(", ",", "*", ",", "**", ")"]);
  });

  it("reads string prefixes and numbers in place", () => {
    const toks = tokenize("rb'x\\n' + f\"{a}\" + 0x1F + 1_000.5e3 + .5 + br''\n");
    expect(toks.filter((t) => t.kind === "STRING").map((t) => [t.value, t.prefix])).toEqual([["x\\n", "b"], ["{a}", "f"], ["", "b"]]);
    expect(toks.filter((t) => t.kind === "NUMBER").map((t) => t.value)).toEqual(["0x1F", "1_000.5e3", ".5"]);
  });
});
