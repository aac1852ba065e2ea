import { describe, expect, it } from "vitest";
import { JsonValueEnd } from "./json-value-end.ts";

const TRIGGERS = ["\n\n\n\n"];

/** Feeds `pieces` as tokens would arrive; returns the end found after each. */
function feed(watch: JsonValueEnd, pieces: string[]): number[] {
  let text = "";
  return pieces.map((piece) => {
    text += piece;
    return watch.find(text);
  });
}

describe("JsonValueEnd", () => {
  it("ends just past the brace that closes the top-level object, ignoring braces in strings", () => {
    const ends = feed(new JsonValueEnd(0, TRIGGERS), ['{"a": "}', '{\\"', '", "b": [1', ", {}]", "}", "\n"]);
    expect(ends).toEqual([-1, -1, -1, -1, 27, 27]);
  });

  it("starts where the JSON starts, after a tag", () => {
    const watch = new JsonValueEnd(5, TRIGGERS);
    expect(watch.find("<tag>[1, 2")).toBe(-1);
    expect(watch.find("<tag>[1, 2]  ")).toBe(11);
  });

  it("ends a scalar root at the grammar's stop trigger, even one split across tokens", () => {
    const ends = feed(new JsonValueEnd(0, TRIGGERS), ['"done"', "\n\n", "\n\n", "\n"]);
    expect(ends).toEqual([-1, -1, 6, 6]);
  });

  it("does not take newlines inside an object for the trigger", () => {
    expect(feed(new JsonValueEnd(0, TRIGGERS), ["{\n\n\n\n", '"a": 1', "}"])).toEqual([-1, -1, 12]);
  });
});
