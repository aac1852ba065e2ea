import type { z } from "zod";
import type { CallOptions } from "../providers/call-options.ts";
import type { ProviderContext, ProviderInstance } from "../providers/provider-module.ts";
import type { ToolGroup } from "../resources/tool-group.ts";
import type { ToolContent } from "./tool-content.ts";
import type { ToolInvocationResult } from "./tool-invocation.ts";

/** What a tool's handler gets besides its arguments. */
export interface ToolCallContext extends CallOptions {
  /** The registered group the tool was called through (its `args`, `mcp_endpoint`). */
  toolGroup: ToolGroup;
  /** Aborted on the tool's timeout as well as on client disconnect. */
  signal: AbortSignal;
  /** The `authorization` the caller passed on invoke, if any. */
  authorization?: string | undefined;
}

/**
 * One tool, written once by its author (`defineTool` in the provider kit): arguments as a zod
 * schema (or a JSON Schema when they come from elsewhere), checked before the handler runs.
 */
export interface ToolDefinition<Args = Record<string, unknown>> {
  name: string;
  description: string;
  parameters: z.ZodType<Args> | Record<string, unknown>;
  /** Plain text, content items, or a full result (to set `metadata` or an error). */
  handler(
    args: Args,
    context: ToolCallContext,
  ): Promise<ToolContent | ToolInvocationResult> | ToolContent | ToolInvocationResult;
  /** Per call; 30 s unless set. */
  timeoutMs?: number;
  /** Output beyond this many characters is cut, with a visible marker; 100,000 unless set. */
  maxOutputChars?: number;
}

/** Any tool, whatever its arguments' type: what a group holds. */
export interface AnyToolDefinition extends Omit<ToolDefinition<never>, "parameters"> {
  parameters: z.ZodType | Record<string, unknown>;
}

/** A running tool group provider: the tools it offers for a registered group. */
export interface ToolGroupInstance extends ProviderInstance {
  tools(
    toolGroup: ToolGroup,
    call: CallOptions,
  ): Promise<readonly AnyToolDefinition[]> | readonly AnyToolDefinition[];
}

/**
 * A tool-runtime plug-in: built-in tools and users' own are written this way and turned into a
 * provider module by the kit's `defineToolGroup`, which adds validation, timeouts and output caps.
 */
export interface ToolGroupDefinition<Config = unknown> {
  /** Provider type, e.g. `inline::example-tool`. */
  type: string;
  description: string;
  configSchema: z.ZodType<Config>;
  secretKeys?: readonly string[];
  /** Tool groups registered for every Stack that configures this provider, e.g. `builtin::websearch`. */
  defaultToolGroups?: readonly string[];
  create(context: ProviderContext<Config>): Promise<ToolGroupInstance> | ToolGroupInstance;
}
