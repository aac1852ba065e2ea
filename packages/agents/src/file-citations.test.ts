import { describe, expect, it } from "vitest";
import { CitationStripper } from "./file-citations.ts";

const FILES = new Map([
  ["file-abc", "llamas.md"],
  ["file-xyz", "alpacas.txt"],
]);

function strip(deltas: string[]) {
  const stripper = new CitationStripper(FILES);
  const text = deltas.map((d) => stripper.push(d)).join("") + stripper.end();
  return { text, annotations: stripper.annotations };
}

describe("CitationStripper", () => {
  it("removes known markers and notes each at its place in the stripped text", () => {
    const { text, annotations } = strip(["Llamas hum <|file-abc|>. Alpacas too<|file-xyz|>."]);
    expect(text).toBe("Llamas hum . Alpacas too.");
    expect(annotations).toEqual([
      { type: "file_citation", file_id: "file-abc", filename: "llamas.md", index: 11 },
      { type: "file_citation", file_id: "file-xyz", filename: "alpacas.txt", index: 24 },
    ]);
  });

  it("gives the same answer however the text is split across deltas", () => {
    const whole = "Llamas hum <|file-abc|>. Alpacas too<|file-xyz|>.";
    const expected = strip([whole]);
    for (let size = 1; size <= 7; size++) {
      const deltas = whole.match(new RegExp(`[\\s\\S]{1,${size}}`, "g"))!;
      expect(strip(deltas)).toEqual(expected);
    }
  });

  it("keeps unknown markers and text that only looks like one", () => {
    expect(strip(["see <|file-zzz|> and a<|b|> and <|fi", "x <"]).text).toBe(
      "see <|file-zzz|> and a<|b|> and <|fix <",
    );
    expect(strip(["x <|file-abc"]).text).toBe("x <|file-abc");
    expect(strip(["x <|file-abc"]).annotations).toEqual([]);
  });

  it("holds back only what could begin a marker", () => {
    const stripper = new CitationStripper(FILES);
    expect(stripper.push("Hello <")).toBe("Hello ");
    expect(stripper.push("|fil")).toBe("");
    expect(stripper.push("m")).toBe("<|film");
    expect(stripper.end()).toBe("");
  });
});
