import { describe, expect, it } from "vitest";
import { agentResponseTools, agentToolChoice } from "./agent-response-tools.ts";

describe("agentResponseTools", () => {
  it("maps builtin tool groups to hosted tools and client tools to function tools", () => {
    const tools = agentResponseTools(
      [
        "builtin::code_interpreter",
        "builtin::websearch",
        { name: "builtin::rag/knowledge_search", args: { vector_db_ids: ["vs_1"] } },
        { name: "builtin::rag", args: { vector_db_ids: ["vs_2", "vs_1"] } },
      ],
      [{ name: "lookup", parameters: [{ name: "id", parameter_type: "int", required: true }] }],
    );
    expect(tools).toEqual([
      { type: "code_interpreter" },
      { type: "web_search" },
      { type: "file_search", vector_store_ids: ["vs_1", "vs_2"] },
      {
        type: "function",
        name: "lookup",
        description: null,
        parameters: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] },
        strict: false,
      },
    ]);
  });

  it("names other groups as registered MCP servers; refuses rag without stores and client tools named like hosted ones", () => {
    expect(agentResponseTools(["mcp::calc"], [])).toEqual([
      { type: "mcp", server_label: "mcp::calc", require_approval: "never" },
    ]);
    expect(() => agentResponseTools(["builtin::rag"], [])).toThrow(/vector_db_ids/);
    expect(() => agentResponseTools([], [{ name: "web_search" }])).toThrow(/server-side tool/);
  });

  it("reads legacy tool_choice", () => {
    expect(agentToolChoice("required")).toBe("required");
    expect(agentToolChoice("code_interpreter")).toEqual({ type: "code_interpreter" });
    expect(agentToolChoice("lookup")).toEqual({ type: "function", name: "lookup" });
    expect(agentToolChoice(null)).toBeUndefined();
  });
});
