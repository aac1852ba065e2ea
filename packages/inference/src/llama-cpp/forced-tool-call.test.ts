import { describe, expect, it } from "vitest";
import { forcedToolCall } from "./forced-tool-call.ts";

describe("forcedToolCall", () => {
  it("reads a complete call, arguments as compact JSON", () => {
    expect(
      forcedToolCall('{"name": "set_mode", "parameters": {"mode": "fast"}}\n', ["set_mode"], true),
    ).toEqual({
      name: "set_mode",
      arguments: '{"mode":"fast"}',
    });
  });

  it("keeps the partial arguments of a call cut off by max_tokens", () => {
    expect(
      forcedToolCall('{"name": "set_mode", "parameters": {"mode": "fa', ["a", "set_mode"], false),
    ).toEqual({
      name: "set_mode",
      arguments: '{"mode": "fa',
    });
    expect(forcedToolCall('{"name": "set_\\"mode", ', ["x", "y"], false)).toEqual({
      name: 'set_"mode',
      arguments: "",
    });
  });

  it("names the only possible tool when the name itself was cut off, and nothing otherwise", () => {
    expect(forcedToolCall('{"name": "set_m', ["set_mode"], false)).toEqual({
      name: "set_mode",
      arguments: "",
    });
    expect(forcedToolCall('{"name": "set_m', ["set_mode", "get_mode"], false)).toBeNull();
  });

  it("answers 422 for a complete call that is not a call", () => {
    expect(() => forcedToolCall('{"name": 3}', ["a"], true)).toThrow("not a valid call");
  });
});
