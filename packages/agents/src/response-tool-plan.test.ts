import { NotImplementedError } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { chatToolChoice, planResponseTools } from "./response-tool-plan.ts";

describe("planResponseTools", () => {
  it("offers function tools as they are and hosted tools as functions the loop runs", () => {
    const plan = planResponseTools([
      { type: "function", name: "get_weather", parameters: { type: "object" } },
      { type: "code_interpreter", container: { type: "auto" } },
      { type: "web_search_preview" },
      { type: "file_search", vector_store_ids: ["vs_1"] },
    ]);
    expect(plan.definitions.map((d) => d.function.name)).toEqual([
      "get_weather",
      "code_interpreter",
      "web_search",
      "file_search",
    ]);
    expect(plan.definitions[0]).toEqual({
      type: "function",
      function: { name: "get_weather", parameters: { type: "object" } },
    });
    expect([...plan.clientTools]).toEqual(["get_weather"]);
    expect([...plan.serverTools.keys()]).toEqual(["code_interpreter", "web_search", "file_search"]);
  });

  it("refuses MCP tools with a 501 for now", () => {
    expect(() => planResponseTools([{ type: "mcp", server_label: "x", server_url: "http://x" }])).toThrow(
      NotImplementedError,
    );
  });
});

describe("chatToolChoice", () => {
  it("maps each Responses form to the chat form", () => {
    expect(chatToolChoice(undefined)).toBeUndefined();
    expect(chatToolChoice("required")).toBe("required");
    expect(chatToolChoice({ type: "function", name: "f" })).toEqual({
      type: "function",
      function: { name: "f" },
    });
    expect(chatToolChoice({ type: "web_search_preview" })).toEqual({
      type: "function",
      function: { name: "web_search" },
    });
    expect(chatToolChoice({ type: "allowed_tools", mode: "required", tools: [] })).toBe("required");
  });
});
