import type { CallOptions } from "./call-options.ts";
import type { ProviderInstance } from "./provider-module.ts";

export interface ToolDef {
  name: string;
  description?: string;
  input_schema?: Record<string, unknown>;
  output_schema?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  toolgroup_id?: string;
}

export interface ToolInvocationResult {
  content?: unknown;
  error_code?: number;
  error_message?: string;
  metadata?: Record<string, unknown>;
}

/** Tools behind `/v1/tool-runtime/*`, the agent loop and the Responses API. */
export interface ToolRuntimeProvider extends ProviderInstance {
  listTools(
    request: { toolGroupId?: string; mcpEndpoint?: string; args?: Record<string, unknown> },
    options: CallOptions,
  ): Promise<ToolDef[]>;
  invokeTool(
    request: { toolName: string; kwargs: Record<string, unknown> },
    options: CallOptions,
  ): Promise<ToolInvocationResult>;
}
