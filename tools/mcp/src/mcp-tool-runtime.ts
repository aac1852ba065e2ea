import {
  type CallOptions,
  InvalidRequestError,
  type Logger,
  NotFoundError,
  ServiceUnavailableError,
  StackError,
  TOOL_ERROR,
  type ToolDef,
  type ToolGroup,
  type ToolInvocationOptions,
  type ToolInvocationResult,
  type ToolRuntimeProvider,
  UpstreamError,
} from "@llama-stack-ts/api";
import { capToolOutput, formatIssuePath, formatZodError } from "@llama-stack-ts/provider-kit";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import { mcpRequestHeaders } from "./mcp-request-headers.ts";
import { McpSessionPool } from "./mcp-session-pool.ts";
import type { McpToolsConfig } from "./mcp-tools-config.ts";
import { toToolDef } from "./to-tool-def.ts";
import { toToolInvocationResult } from "./to-tool-invocation-result.ts";

/**
 * Tools of MCP servers, one server per registered group (its `mcp_endpoint`). Listing fails
 * loudly (503 when the server cannot be reached, 502 when it answers with an error); a call never
 * throws for the server's trouble: unreachable, timed out or failing, it is a tool error the
 * agent loop hands to the model. Bad arguments (400) and unknown tools (404) still throw.
 */
export class McpToolRuntime implements ToolRuntimeProvider {
  readonly #config: McpToolsConfig;
  readonly #logger: Logger | undefined;
  readonly #pool: McpSessionPool;

  constructor(config: McpToolsConfig, logger?: Logger) {
    this.#config = config;
    this.#logger = logger;
    this.#pool = new McpSessionPool({
      connectTimeoutMs: config.connect_timeout_ms,
      idleCloseMs: config.idle_close_ms,
    });
  }

  async listTools(toolGroup: ToolGroup, options: CallOptions & ToolInvocationOptions): Promise<ToolDef[]> {
    const endpoint = endpointOf(toolGroup);
    const headers = mcpRequestHeaders(toolGroup, endpoint, options);
    try {
      const listed = await this.#pool.use(
        endpoint,
        { headers, signal: options.signal, idempotent: true },
        (session) => session.listTools({ refresh: true, signal: options.signal }),
      );
      return listed.map(({ tool }) => toToolDef(tool, toolGroup.identifier, endpoint));
    } catch (error) {
      if (options.signal?.aborted || error instanceof StackError) throw error;
      if (error instanceof McpError) {
        throw new UpstreamError(`MCP server at ${endpoint} failed to list its tools: ${error.message}`, {
          cause: error,
        });
      }
      throw new ServiceUnavailableError(
        `MCP server at ${endpoint} could not be reached: ${messageOf(error)}`,
        {
          cause: error,
          retryable: true,
        },
      );
    }
  }

  async invokeTool(
    {
      toolName,
      kwargs,
      toolGroup,
    }: { toolName: string; kwargs: Record<string, unknown>; toolGroup: ToolGroup },
    options: ToolInvocationOptions,
  ): Promise<ToolInvocationResult> {
    const endpoint = endpointOf(toolGroup);
    const headers = mcpRequestHeaders(toolGroup, endpoint, options);
    const timeout = AbortSignal.timeout(this.#config.timeout_ms);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      const result = await this.#pool.use(
        endpoint,
        { headers, signal, idempotent: false },
        async (session) => {
          let listed = await session.listTools({ signal });
          // A tool added since the cached listing, on a server that sends no `tools/list_changed`.
          if (!listed.some(({ tool }) => tool.name === toolName))
            listed = await session.listTools({ refresh: true, signal });
          const found = listed.find(({ tool }) => tool.name === toolName);
          if (!found) {
            throw new NotFoundError(
              "Tool",
              toolName,
              `List the tools of '${toolGroup.identifier}' with GET /v1/tools.`,
            );
          }
          const parsed = found.validator()?.safeParse(kwargs);
          if (parsed && !parsed.success) {
            const first = parsed.error.issues[0];
            throw new InvalidRequestError(
              `Invalid arguments for tool '${toolName}': ${formatZodError(parsed.error, "kwargs")}`,
              { param: first ? formatIssuePath(first.path, "kwargs") : "kwargs", retryable: false },
            );
          }
          // The SDK's own request timeout stays above ours so that ours is the one reported.
          return session.client.callTool({ name: toolName, arguments: kwargs }, undefined, {
            signal,
            timeout: this.#config.timeout_ms + 1_000,
          });
        },
      );
      return this.#capped(toToolInvocationResult(result));
    } catch (error) {
      // The caller went away: nothing to report to a model.
      if (options.signal?.aborted || error instanceof StackError) throw error;
      if (timeout.aborted) {
        return {
          error_code: TOOL_ERROR.timedOut,
          error_message: `Tool '${toolName}' did not finish within ${this.#config.timeout_ms} ms.`,
        };
      }
      this.#logger?.warn("mcp tool call failed", { endpoint, tool: toolName, error: messageOf(error) });
      return {
        error_code: TOOL_ERROR.failed,
        error_message: `MCP server at ${endpoint}: ${messageOf(error)}`,
      };
    }
  }

  /** Closes every MCP session. */
  async shutdown(): Promise<void> {
    await this.#pool.closeAll();
  }

  #capped(result: ToolInvocationResult): ToolInvocationResult {
    if (result.content === undefined) return result;
    const { content, truncated } = capToolOutput(result.content, this.#config.max_output_chars);
    return truncated ? { ...result, content, metadata: { ...result.metadata, truncated: true } } : result;
  }
}

function endpointOf(toolGroup: ToolGroup): string {
  const uri = toolGroup.mcp_endpoint?.uri;
  if (!uri) {
    throw new InvalidRequestError(`Tool group '${toolGroup.identifier}' has no mcp_endpoint.`, {
      param: "mcp_endpoint",
    });
  }
  if (!URL.canParse(uri)) {
    throw new InvalidRequestError(`mcp_endpoint.uri '${uri}' is not a URL.`, { param: "mcp_endpoint.uri" });
  }
  return uri;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
