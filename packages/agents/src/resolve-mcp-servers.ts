import { type ApiCall, InvalidRequestError, type ToolGroupsApi } from "@llama-stack-ts/api";
import type { ResponseToolPlan } from "./response-tool-plan.ts";

/**
 * An `mcp` tool with no `server_url` names a registered tool group by its `server_label`
 * (Llama Stack's extension, and how legacy agents reach MCP groups): its endpoint and headers are
 * the group's. 404 for a group the caller cannot see, 400 for one that is not an MCP server.
 */
export async function resolveMcpServers(
  plan: ResponseToolPlan,
  toolGroups: () => ToolGroupsApi,
  call: ApiCall,
): Promise<void> {
  for (const [label, server] of plan.mcpServers) {
    if (server.server_url) continue;
    const group = await toolGroups().get(label, call);
    if (!group.mcp_endpoint) {
      throw new InvalidRequestError(
        `Tool group '${label}' is not an MCP server; an mcp tool needs a server_url or the id of a registered MCP tool group.`,
        { param: "tools.server_label" },
      );
    }
    const groupHeaders = group.args?.headers;
    plan.mcpServers.set(label, {
      ...server,
      server_url: group.mcp_endpoint.uri,
      ...(groupHeaders && typeof groupHeaders === "object"
        ? { headers: { ...(groupHeaders as Record<string, string>), ...(server.headers ?? {}) } }
        : {}),
    });
  }
}
