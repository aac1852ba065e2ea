import type { ProviderModule, ToolRuntimeProvider } from "@llama-stack-ts/api";
import { McpToolRuntime } from "./mcp-tool-runtime.ts";
import { type McpToolsConfig, McpToolsConfigSchema } from "./mcp-tools-config.ts";

/**
 * `remote::model-context-protocol`: each registered tool group names an MCP server by its
 * `mcp_endpoint.uri`; the group's tools are that server's.
 *
 * @example
 * // run config
 * // tool_runtime: [{ provider_id: mcp, provider_type: remote::model-context-protocol }]
 * // registered_resources.tool_groups:
 * //   [{ toolgroup_id: mcp::weather, provider_id: mcp, mcp_endpoint: { uri: http://localhost:8000/mcp } }]
 */
export const mcpTools: ProviderModule<McpToolsConfig, ToolRuntimeProvider> = {
  api: "tool_runtime",
  providerType: "remote::model-context-protocol",
  description: "Tools of Model Context Protocol servers (streamable HTTP, falling back to SSE).",
  configSchema: McpToolsConfigSchema,
  create: ({ config, logger }) => new McpToolRuntime(config, logger),
};
