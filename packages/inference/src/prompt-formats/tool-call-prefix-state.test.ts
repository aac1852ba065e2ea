import { describe, expect, it } from "vitest";
import { toolCallPrefixState } from "./tool-call-prefix-state.ts";

describe("toolCallPrefixState", () => {
  it("is undecided on nothing and on partial openings", () => {
    for (const text of ["", "  ", "<|pyth", "<func", "{", '{ "na', '{"type": "func'])
      expect(toolCallPrefixState(text, "json")).toBe("undecided");
    for (const text of ["[", "[get_wea", "[get_weather "])
      expect(toolCallPrefixState(text, "python_list")).toBe("undecided");
  });

  it("says tool once a call has clearly started", () => {
    expect(toolCallPrefixState("<|python_tag|>", "json")).toBe("tool");
    expect(toolCallPrefixState("<function=f", "function_tag")).toBe("tool");
    expect(toolCallPrefixState('{\n  "name": "f', "json")).toBe("tool");
    expect(toolCallPrefixState('{"type": "function", "name"', "python_list")).toBe("tool");
    expect(toolCallPrefixState("[get_weather(city=", "python_list")).toBe("tool");
  });

  it("says text as soon as a call is impossible", () => {
    expect(toolCallPrefixState("Hello", "json")).toBe("text");
    expect(toolCallPrefixState('{"answer": 42}', "json")).toBe("text");
    expect(toolCallPrefixState('{"type": "object"', "json")).toBe("text");
    expect(toolCallPrefixState("[1, 2]", "python_list")).toBe("text");
    expect(toolCallPrefixState("[see](x)", "python_list")).toBe("text");
    expect(toolCallPrefixState("[get_weather(", "json")).toBe("text");
  });
});
