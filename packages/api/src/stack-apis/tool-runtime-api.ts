import type { ToolGroup } from "../resources/tool-group.ts";
import type { RegisterToolGroupRequest } from "../tools/register-tool-group.ts";
import type { ToolDef } from "../tools/tool-def.ts";
import type { InvokeToolRequest, ToolInvocationResult } from "../tools/tool-invocation.ts";
import type { ApiCall } from "./api-call.ts";

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
}

/** Registered tool groups (`/v1/toolgroups`, `context.api("tool_groups")`); owner-scoped. */
export interface ToolGroupsApi {
  list(call: ApiCall): Promise<ToolGroup[]>;
  get(identifier: string, call: ApiCall): Promise<ToolGroup>;
  register(request: RegisterToolGroupRequest, call: ApiCall): Promise<ToolGroup>;
  unregister(identifier: string, call: ApiCall): Promise<void>;
}
