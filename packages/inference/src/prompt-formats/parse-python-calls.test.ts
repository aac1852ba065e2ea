import { describe, expect, it } from "vitest";
import { parsePythonCall, parsePythonCallList } from "./parse-python-calls.ts";

describe("parsePythonCallList", () => {
  it("reads escapes, tuples, floats and empty calls", () => {
    expect(parsePythonCallList(String.raw`[f(a='it\'s', b="line\nnext", c=(1, 2e3), d=.5), g()]`)).toEqual([
      { name: "f", arguments: { a: "it's", b: "line\nnext", c: [1, 2000], d: 0.5 } },
      { name: "g", arguments: {} },
    ]);
  });

  it("keeps __proto__ keys as data", () => {
    const [call] = parsePythonCallList('[f(x={"__proto__": 1})]')!;
    expect(Object.getPrototypeOf(call!.arguments.x)).toBe(Object.prototype);
    expect(Object.keys(call!.arguments.x as object)).toEqual(["__proto__"]);
  });

  it("rejects positional arguments, empty lists and trailing text", () => {
    expect(parsePythonCallList('[f("x")]')).toBeNull();
    expect(parsePythonCallList("[]")).toBeNull();
    expect(parsePythonCallList("[f(a=1)] done")).toBeNull();
    expect(parsePythonCallList("[f(a='open)]")).toBeNull();
  });
});

describe("parsePythonCall", () => {
  it("reads one dotted call making up the whole text", () => {
    expect(parsePythonCall('wolfram_alpha.call(query="2+2")')).toEqual({
      name: "wolfram_alpha.call",
      arguments: { query: "2+2" },
    });
    expect(parsePythonCall('x.call(query="2") and more')).toBeNull();
  });
});
