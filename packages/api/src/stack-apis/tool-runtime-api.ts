import type { ToolGroup } from "../resources/tool-group.ts";
import type { RegisterToolGroupRequest } from "../tools/register-tool-group.ts";
import type { ToolDef } from "../tools/tool-def.ts";
import type { InvokeToolRequest, ToolInvocationResult } from "../tools/tool-invocation.ts";
import type { ApiCall } from "./api-call.ts";

/** An MCP server a request names (a Responses `mcp` tool) instead of a registered tool group. */
export interface McpServerRef {
  uri: string;
  /** Sent with every request to the server; `Authorization` is refused here (use `authorization`). */
  headers?: Record<string, string> | null | undefined;
  /** A bearer token for the server. */
  authorization?: string | undefined;
}

/**
 * Tools for every caller (`context.api("tool_runtime")`): the routes, the agent loop, the
 * Responses API. Unknown tool or group: 404; bad kwargs: 400 (`InvalidRequestError`).
 */
export interface ToolRuntimeApi {
  /** Every tool the caller can reach, one group's, or an unregistered MCP server's. */
  listTools(
    request: { toolgroup_id?: string | undefined; mcp_endpoint?: string | undefined },
    call: ApiCall,
  ): Promise<ToolDef[]>;
  getTool(name: string, call: ApiCall): Promise<ToolDef>;
  invoke(request: InvokeToolRequest, call: ApiCall): Promise<ToolInvocationResult>;
  /** An unregistered MCP server's tools (503 unreachable, 502 failing, 400 no MCP provider). */
  listMcpTools(server: McpServerRef, call: ApiCall): Promise<ToolDef[]>;
  /** Calls one tool of an unregistered MCP server; its trouble is a tool error, as for `invoke`. */
  invokeMcpTool(
    server: McpServerRef,
    request: { tool_name: string; kwargs: Record<string, unknown> },
    call: ApiCall,
  ): Promise<ToolInvocationResult>;
}

/** Registered tool groups (`/v1/toolgroups`, `context.api("tool_groups")`); owner-scoped. */
export interface ToolGroupsApi {
  list(call: ApiCall): Promise<ToolGroup[]>;
  get(identifier: string, call: ApiCall): Promise<ToolGroup>;
  register(request: RegisterToolGroupRequest, call: ApiCall): Promise<ToolGroup>;
  unregister(identifier: string, call: ApiCall): Promise<void>;
}
