import {
  type ApiCall,
  type CallOptions,
  type InvokeToolRequest,
  InvokeToolRequestSchema,
  type Logger,
  type McpServerRef,
  NotFoundError,
  type ToolDef,
  type ToolGroup,
  type ToolInvocationResult,
  type ToolRuntimeApi,
} from "@llama-stack-ts/api";
import type { SafetyRouter } from "../safety/safety-router.ts";
import { guardToolResult } from "./guard-tool-result.ts";
import type { ToolGroupsRouter } from "./tool-groups-router.ts";

/** How long a tool's name stays mapped to its group before listing again (cheap invokes). */
const ROUTE_TTL_MS = 2_000;

/**
 * Tools for every caller: lists the tools of the groups a caller can see, finds the group behind
 * a tool name and invokes it through the group's provider. Results pass the shields guarding the
 * `tool_results` touchpoint before anyone reads them.
 */
export class ToolRuntimeRouter implements ToolRuntimeApi {
  private readonly routes = new Map<string, { group: ToolGroup; expires: number }>();

  constructor(
    private readonly groups: ToolGroupsRouter,
    private readonly safety: SafetyRouter,
    private readonly logger: Logger,
  ) {}

  async listTools(
    request: { toolgroup_id?: string | undefined; mcp_endpoint?: string | undefined },
    call: ApiCall,
  ): Promise<ToolDef[]> {
    if (request.mcp_endpoint) {
      const group = this.groups.adHocMcpGroup(request.mcp_endpoint);
      return this.groups.provider(group).listTools(group, options(call));
    }
    if (request.toolgroup_id) {
      const group = await this.groups.get(request.toolgroup_id, call);
      return this.groups.provider(group).listTools(group, options(call));
    }
    const lists = await Promise.all(
      (await this.groups.list(call)).map(async (group) => {
        try {
          return await this.groups.provider(group).listTools(group, options(call));
        } catch (error) {
          // One unreachable MCP server must not hide every other tool.
          this.logger.warn("tool group could not list its tools", {
            toolgroup: group.identifier,
            error: String(error),
          });
          return [];
        }
      }),
    );
    return lists.flat();
  }

  async getTool(name: string, call: ApiCall): Promise<ToolDef> {
    const tool = (await this.listTools({}, call)).find((t) => t.name === name);
    if (!tool) throw notFound(name);
    return tool;
  }

  async invoke(request: InvokeToolRequest, call: ApiCall): Promise<ToolInvocationResult> {
    const { tool_name, kwargs, authorization } = InvokeToolRequestSchema.parse(request);
    const group = await this.groupOf(tool_name, call);
    const result = await this.groups
      .provider(group)
      .invokeTool({ toolName: tool_name, kwargs, toolGroup: group }, { ...options(call), authorization });
    return guardToolResult(result, { toolName: tool_name, safety: this.safety, call });
  }

  async listMcpTools(server: McpServerRef, call: ApiCall): Promise<ToolDef[]> {
    const group = this.groups.adHocMcpGroup(server.uri, server.headers);
    return this.groups
      .provider(group)
      .listTools(group, { ...options(call), authorization: server.authorization });
  }

  async invokeMcpTool(
    server: McpServerRef,
    request: { tool_name: string; kwargs: Record<string, unknown> },
    call: ApiCall,
  ): Promise<ToolInvocationResult> {
    const group = this.groups.adHocMcpGroup(server.uri, server.headers);
    const result = await this.groups
      .provider(group)
      .invokeTool(
        { toolName: request.tool_name, kwargs: request.kwargs, toolGroup: group },
        { ...options(call), authorization: server.authorization },
      );
    return guardToolResult(result, { toolName: request.tool_name, safety: this.safety, call });
  }

  /** The group serving `name`, from a short-lived map refreshed by listing on a miss. */
  private async groupOf(name: string, call: ApiCall): Promise<ToolGroup> {
    const key = `${call.access.principal ?? ""}\u0000${name}`;
    const cached = this.routes.get(key);
    if (cached && cached.expires > Date.now()) return cached.group;
    for (const group of await this.groups.list(call)) {
      let tools: ToolDef[];
      try {
        tools = await this.groups.provider(group).listTools(group, options(call));
      } catch {
        continue;
      }
      if (tools.some((t) => t.name === name)) {
        this.routes.set(key, { group, expires: Date.now() + ROUTE_TTL_MS });
        return group;
      }
    }
    throw notFound(name);
  }
}

function options(call: ApiCall): CallOptions {
  return {
    ...(call.signal ? { signal: call.signal } : {}),
    principal: call.access.principal,
    ...(call.providerData ? { providerData: call.providerData } : {}),
  };
}

function notFound(name: string): NotFoundError {
  return new NotFoundError("Tool", name, "List the tools you can call with GET /v1/tools.");
}
