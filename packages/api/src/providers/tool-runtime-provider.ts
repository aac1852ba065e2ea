import type { ToolGroup } from "../resources/tool-group.ts";
import type { ToolDef } from "../tools/tool-def.ts";
import type { ToolInvocationResult } from "../tools/tool-invocation.ts";
import type { CallOptions } from "./call-options.ts";
import type { ProviderInstance } from "./provider-module.ts";

export interface ToolInvocationOptions extends CallOptions {
  authorization?: string | undefined;
}

/**
 * Tools behind `/v1/tool-runtime/*`, the agent loop and the Responses API. Every call names the
 * registered group it goes through, so one provider can serve many groups (MCP: one per server).
 * Bad arguments throw `InvalidRequestError` (a 400 over HTTP; the agent loop turns it into a tool
 * error for the model); a tool's own failure is a result with `error_code`.
 */
export interface ToolRuntimeProvider extends ProviderInstance {
  /** Groups to register for this provider at start-up (e.g. `builtin::websearch`). */
  defaultToolGroups?: readonly string[];
  /** `authorization`: a bearer token for the group's server (MCP), as for calls. */
  listTools(toolGroup: ToolGroup, options: ToolInvocationOptions): Promise<ToolDef[]>;
  invokeTool(
    request: { toolName: string; kwargs: Record<string, unknown>; toolGroup: ToolGroup },
    options: ToolInvocationOptions,
  ): Promise<ToolInvocationResult>;
}
