export { type ConnectedMcpClient, connectMcpClient, type McpTransportKind } from "./connect-mcp-client.ts";
export { McpToolRuntime } from "./mcp-tool-runtime.ts";
export { mcpTools, mcpTools as default } from "./mcp-tools.ts";
export { type McpToolsConfig, McpToolsConfigSchema } from "./mcp-tools-config.ts";
export { toToolInvocationResult } from "./to-tool-invocation-result.ts";
