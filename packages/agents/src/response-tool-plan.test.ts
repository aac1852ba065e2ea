import { InvalidRequestError } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import {
  chatToolChoice,
  mcpNeedsApproval,
  offeredDefinitions,
  offerMcpTool,
  planResponseTools,
} from "./response-tool-plan.ts";

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

  it("keeps MCP servers by label, refusing a label twice and an Authorization header", () => {
    const plan = planResponseTools([{ type: "mcp", server_label: "x", server_url: "http://x" }]);
    expect([...plan.mcpServers.keys()]).toEqual(["x"]);
    expect(plan.definitions).toEqual([]);
    const twice = { type: "mcp" as const, server_label: "x", server_url: "http://x" };
    expect(() => planResponseTools([twice, twice])).toThrow(InvalidRequestError);
    expect(() =>
      planResponseTools([
        { type: "mcp", server_label: "y", server_url: "http://y", headers: { Authorization: "Bearer t" } },
      ]),
    ).toThrow(InvalidRequestError);
  });

  it("asks approval by default, and follows never, always and allowed_tools", () => {
    const server = { type: "mcp" as const, server_label: "s", server_url: "http://s" };
    expect(mcpNeedsApproval(server, "echo")).toBe(true);
    expect(mcpNeedsApproval({ ...server, require_approval: "never" }, "echo")).toBe(false);
    const mixed = { ...server, require_approval: { never: { tool_names: ["echo"] } } };
    expect(mcpNeedsApproval(mixed, "echo")).toBe(false);
    expect(mcpNeedsApproval(mixed, "fail")).toBe(true);
    const plan = planResponseTools([{ type: "function", name: "echo" }]);
    offerMcpTool(plan, { ...server, allowed_tools: ["echo", "tick"] }, { name: "echo" });
    offerMcpTool(plan, { ...server, allowed_tools: ["echo", "tick"] }, { name: "tick" });
    offerMcpTool(plan, { ...server, allowed_tools: { tool_names: ["echo", "tick"] } }, { name: "fail" });
    expect([...plan.mcpTools.keys()]).toEqual(["tick"]);
    expect(plan.definitions.map((d) => d.function.name)).toEqual(["echo", "tick"]);
  });
});

describe("offeredDefinitions", () => {
  it("offers only what allowed_tools or an mcp choice names", () => {
    const plan = planResponseTools([
      { type: "function", name: "get_weather" },
      { type: "code_interpreter" },
      { type: "web_search_preview" },
    ]);
    const server = { type: "mcp" as const, server_label: "s", server_url: "http://s" };
    offerMcpTool(plan, server, { name: "echo" });
    offerMcpTool(plan, server, { name: "tick" });
    const names = (choice: Parameters<typeof offeredDefinitions>[1]) =>
      offeredDefinitions(plan, choice).map((d) => d.function.name);
    expect(names("auto")).toEqual(["get_weather", "code_interpreter", "web_search", "echo", "tick"]);
    expect(
      names({
        type: "allowed_tools",
        mode: "auto",
        tools: [
          { type: "function", name: "get_weather" },
          { type: "web_search" },
          { type: "mcp", server_label: "s", name: "tick" },
        ],
      }),
    ).toEqual(["get_weather", "web_search", "tick"]);
    expect(names({ type: "mcp", server_label: "s" })).toEqual(["echo", "tick"]);
    expect(names({ type: "function", name: "get_weather" })).toHaveLength(5);
    expect(chatToolChoice({ type: "mcp", server_label: "s", name: "echo" })).toEqual({
      type: "function",
      function: { name: "echo" },
    });
    expect(chatToolChoice({ type: "mcp", server_label: "s" })).toBe("required");
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
