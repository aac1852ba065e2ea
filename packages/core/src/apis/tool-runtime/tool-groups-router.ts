import {
  type ApiCall,
  InvalidRequestError,
  type RegisterToolGroupRequest,
  RegisterToolGroupRequestSchema,
  ServiceUnavailableError,
  type ToolGroup,
  type ToolGroupsApi,
  type ToolRuntimeProvider,
} from "@llama-stack-ts/api";
import type { ResourceTable } from "../../resource-tables/resource-table.ts";
import type { ProviderSet } from "../../stack/provider-set.ts";

const MCP_PROVIDER_TYPE = "remote::model-context-protocol";

/**
 * `/v1/toolgroups`: groups from `registered_resources.tool_groups`, from the providers'
 * defaults (`builtin::websearch`, …) and from the API at run time, owner-scoped like models.
 */
export class ToolGroupsRouter implements ToolGroupsApi {
  constructor(
    readonly table: ResourceTable<ToolGroup>,
    private readonly providers: ProviderSet,
  ) {}

  list(call: ApiCall): Promise<ToolGroup[]> {
    return this.table.list(call.access);
  }

  get(identifier: string, call: ApiCall): Promise<ToolGroup> {
    return this.table.get(identifier, call.access);
  }

  /** The caller becomes the owner; 409 for an id it can already see (decision 0009). */
  async register(request: RegisterToolGroupRequest, call: ApiCall): Promise<ToolGroup> {
    const body = RegisterToolGroupRequestSchema.parse(request);
    if (!this.providers.instance("tool_runtime", body.provider_id)) {
      const known = this.providers.byApi("tool_runtime").map((p) => p.providerId);
      throw new InvalidRequestError(
        `No tool_runtime provider '${body.provider_id}'; configured: ${known.join(", ") || "none"}.`,
        { param: "provider_id", retryable: false },
      );
    }
    return this.table.register(
      {
        identifier: body.toolgroup_id,
        provider_id: body.provider_id,
        provider_resource_id: body.toolgroup_id,
        ...(body.args ? { args: body.args } : {}),
        ...(body.mcp_endpoint ? { mcp_endpoint: body.mcp_endpoint } : {}),
        type: "tool_group",
      },
      call.access,
    );
  }

  /** 404 when unknown or not visible; 409 for groups from the config or a provider's defaults. */
  unregister(identifier: string, call: ApiCall): Promise<void> {
    return this.table.unregister(identifier, call.access);
  }

  /** A group for an MCP server that is not registered (`mcp_endpoint`, a Responses `mcp` tool). */
  adHocMcpGroup(uri: string, headers?: Record<string, string> | null): ToolGroup {
    const mcp = this.providers.byApi("tool_runtime").find((p) => p.providerType === MCP_PROVIDER_TYPE);
    if (!mcp) {
      throw new InvalidRequestError(
        `Listing an MCP server's tools needs a '${MCP_PROVIDER_TYPE}' tool_runtime provider in the run config.`,
        { param: "mcp_endpoint", retryable: false },
      );
    }
    return {
      identifier: `mcp::${uri}`,
      provider_id: mcp.providerId,
      mcp_endpoint: { uri },
      ...(headers ? { args: { headers } } : {}),
      type: "tool_group",
    };
  }

  /** The group's provider, or a 503 when the group outlived its provider's config entry. */
  provider(group: ToolGroup): ToolRuntimeProvider {
    const provider = this.providers.instance<ToolRuntimeProvider>("tool_runtime", group.provider_id);
    if (!provider) {
      throw new ServiceUnavailableError(
        `Tool group '${group.identifier}' needs tool_runtime provider '${group.provider_id}', which is not configured.`,
      );
    }
    return provider;
  }
}
