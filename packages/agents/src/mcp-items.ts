import {
  type ApiCall,
  type ConversationItem,
  newId,
  type ResponseOutputItem,
  StackError,
  type ToolCall,
  type ToolDef,
  type ToolInvocationResult,
  type ToolRuntimeApi,
} from "@llama-stack-ts/api";
import { itemText } from "./item-text.ts";
import { parseCallArguments } from "./parse-call-arguments.ts";
import { allowedMcpTool, type McpServerTool } from "./response-tool-plan.ts";

/** What the loop tells the tool runtime about a request's MCP server. */
function serverRef(server: McpServerTool) {
  return {
    uri: server.server_url ?? "",
    headers: server.headers ?? null,
    ...(server.authorization ? { authorization: server.authorization } : {}),
  };
}

/** A listing's tools as OpenAI's `mcp_list_tools` item carries them. */
function listedTools(tools: ToolDef[]) {
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description ?? null,
    input_schema: tool.input_schema ?? { type: "object", properties: {} },
    annotations: null,
  }));
}

/** The listing as it starts. */
export function mcpListingItem(server: McpServerTool): ResponseOutputItem {
  return { type: "mcp_list_tools", id: newId("mcpListTools"), server_label: server.server_label, tools: [] };
}

/**
 * Lists an MCP server's tools (those `allowed_tools` lets through); a server that cannot be reached or fails is an item with `error`
 * (the response goes on without its tools), not a failed response.
 */
export async function listMcpServer(
  server: McpServerTool,
  started: ResponseOutputItem,
  toolRuntime: ToolRuntimeApi,
  call: ApiCall,
): Promise<{ item: ResponseOutputItem; tools: ToolDef[] }> {
  try {
    const tools = (await toolRuntime.listMcpTools(serverRef(server), call)).filter((tool) =>
      allowedMcpTool(server, tool.name),
    );
    return { item: { ...started, tools: listedTools(tools) }, tools };
  } catch (error) {
    if (!StackError.isInstance(error)) throw error;
    return { item: { ...started, error: error.message }, tools: [] };
  }
}

/** A listing of this server an earlier turn made (reused across `previous_response_id`, as OpenAI). */
export function earlierListing(history: ConversationItem[], server: McpServerTool): ToolDef[] | undefined {
  const item = history.findLast(
    (entry) => entry.type === "mcp_list_tools" && entry.server_label === server.server_label && !entry.error,
  );
  return (item?.tools as ToolDef[] | undefined) ?? undefined;
}

/** A call waiting for the client's approval (`mcp_approval_request`); it is not run. */
export function approvalRequestItem(server: McpServerTool, call: ToolCall): ResponseOutputItem {
  return {
    type: "mcp_approval_request",
    id: newId("mcpApprovalRequest"),
    name: call.function.name,
    arguments: call.function.arguments,
    server_label: server.server_label,
  };
}

/** The call's item while it runs. */
export function mcpCallItem(
  server: McpServerTool,
  call: ToolCall,
  approvalRequestId?: string,
): ResponseOutputItem {
  return {
    type: "mcp_call",
    id: newId("mcpCall"),
    name: call.function.name,
    arguments: call.function.arguments,
    server_label: server.server_label,
    output: null,
    error: null,
    status: "in_progress",
    ...(approvalRequestId ? { approval_request_id: approvalRequestId } : {}),
  };
}

/**
 * Runs an MCP call. The server's trouble, bad arguments or an unknown tool is the call's `error`,
 * which the model reads; the response goes on.
 */
export async function runMcpCall(
  server: McpServerTool,
  started: ResponseOutputItem,
  toolRuntime: ToolRuntimeApi,
  call: ApiCall,
): Promise<{ item: ResponseOutputItem; result: string }> {
  let result: ToolInvocationResult;
  try {
    result = await toolRuntime.invokeMcpTool(
      serverRef(server),
      { tool_name: String(started.name), kwargs: parseCallArguments(String(started.arguments)) },
      call,
    );
  } catch (error) {
    if (!StackError.isInstance(error)) throw error;
    result = { error_code: 1, error_message: error.message };
  }
  if (result.error_message !== undefined) {
    const error = result.error_message;
    return { item: { ...started, status: "failed", error }, result: `Error: ${error}` };
  }
  const output = itemText(result.content);
  return { item: { ...started, status: "completed", output }, result: output };
}
