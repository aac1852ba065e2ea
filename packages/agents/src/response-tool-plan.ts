import {
  type FunctionTool,
  InvalidRequestError,
  type ResponseFunctionTool,
  type ResponseTool,
  type ResponseToolChoice,
  type ToolChoice,
} from "@llama-stack-ts/api";

/** A server-side tool the loop runs itself, through the tool runtime. */
export type ServerTool = Extract<ResponseTool, { type: "file_search" | "code_interpreter" }> | WebSearchTool;
type WebSearchTool = Extract<ResponseTool, { type: `web_search${string}` }>;

/** An `mcp` tool of a request: one remote MCP server. */
export type McpServerTool = Extract<ResponseTool, { type: "mcp" }>;

/** What the model is offered, and who runs each name it may call. */
export interface ResponseToolPlan {
  definitions: FunctionTool[];
  /** Names the client runs (`function` tools): the loop stops and returns the calls. */
  clientTools: Set<string>;
  /** Names the loop runs itself. */
  serverTools: Map<string, ServerTool>;
  /** MCP servers, by `server_label`; their tools join `mcpTools` once listed. */
  mcpServers: Map<string, McpServerTool>;
  /** Names of MCP tools, and the server behind each. */
  mcpTools: Map<string, McpServerTool>;
}

const QUERY = { type: "object", properties: { query: { type: "string" } }, required: ["query"] };

/** The function definition the model sees for each tool of a request. */
export function planResponseTools(tools: readonly ResponseTool[]): ResponseToolPlan {
  const plan: ResponseToolPlan = {
    definitions: [],
    clientTools: new Set(),
    serverTools: new Map(),
    mcpServers: new Map(),
    mcpTools: new Map(),
  };
  for (const tool of tools) {
    if (tool.type === "function") {
      const fn = tool as ResponseFunctionTool;
      plan.clientTools.add(fn.name);
      plan.definitions.push({
        type: "function",
        function: {
          name: fn.name,
          ...(fn.description ? { description: fn.description } : {}),
          ...(fn.parameters ? { parameters: fn.parameters } : {}),
        },
      });
    } else if (tool.type === "mcp") {
      const server = tool as McpServerTool;
      if (plan.mcpServers.has(server.server_label)) {
        throw new InvalidRequestError(`Two mcp tools share the server_label '${server.server_label}'.`, {
          param: "tools.server_label",
        });
      }
      if (Object.keys(server.headers ?? {}).some((name) => name.toLowerCase() === "authorization")) {
        throw new InvalidRequestError("Pass an MCP server's token as 'authorization', not as a header.", {
          param: "tools.headers",
        });
      }
      plan.mcpServers.set(server.server_label, server);
    } else {
      const [name, description, parameters] =
        tool.type === "file_search"
          ? ["file_search", "Search the user's files for passages relevant to the query.", QUERY]
          : tool.type === "code_interpreter"
            ? [
                "code_interpreter",
                "Run Python code and read its output.",
                { type: "object", properties: { code: { type: "string" } }, required: ["code"] },
              ]
            : ["web_search", "Search the web for current information.", QUERY];
      plan.serverTools.set(name, tool as ServerTool);
      plan.definitions.push({ type: "function", function: { name, description, parameters } });
    }
  }
  return plan;
}

/** OpenAI's Responses `tool_choice` as the chat form; a hosted or MCP tool forced is its function. */
export function chatToolChoice(choice: ResponseToolChoice | null | undefined): ToolChoice | undefined {
  if (choice === null || choice === undefined) return undefined;
  if (typeof choice === "string") return choice;
  if (choice.type === "allowed_tools") return choice.mode as "auto" | "required";
  if (choice.type === "function" || (choice.type === "mcp" && typeof choice.name === "string"))
    return { type: "function", function: { name: String(choice.name) } };
  // One MCP server, none of its tools named: any tool will do (only its tools are offered).
  if (choice.type === "mcp") return "required";
  const hosted = choice.type.startsWith("web_search") ? "web_search" : choice.type;
  return { type: "function", function: { name: hosted } };
}

/**
 * The definitions offered under a `tool_choice` that restricts them: `allowed_tools` lists the
 * tools (a function by name, a hosted tool by type, an MCP server by label or one of its tools),
 * an `mcp` choice without a name one server's tools. Any other choice offers every tool.
 */
export function offeredDefinitions(plan: ResponseToolPlan, choice: ResponseToolChoice | null | undefined) {
  if (choice == null || typeof choice === "string") return plan.definitions;
  type Named = { type?: unknown; name?: unknown; server_label?: unknown };
  const allowed: Named[] | null =
    choice.type === "allowed_tools"
      ? (choice.tools as Named[])
      : choice.type === "mcp" && typeof choice.name !== "string"
        ? [choice as Named]
        : null;
  if (allowed === null) return plan.definitions;
  return plan.definitions.filter(({ function: { name } }) =>
    allowed.some((tool) => {
      if (tool.type === "function") return tool.name === name;
      if (tool.type === "mcp")
        return (
          plan.mcpTools.get(name)?.server_label === tool.server_label &&
          (tool.name == null || tool.name === name)
        );
      const hosted = String(tool.type).startsWith("web_search") ? "web_search" : tool.type;
      return hosted === name && plan.serverTools.has(name);
    }),
  );
}

/** The MCP server's tools the request allows (`allowed_tools`: names, or `{tool_names}`). */
export function allowedMcpTool(server: McpServerTool, name: string): boolean {
  const allowed = server.allowed_tools;
  if (allowed == null) return true;
  const names = Array.isArray(allowed) ? allowed : allowed.tool_names;
  return names === undefined || names.includes(name);
}

/**
 * Whether a call of `name` waits for the client's approval: OpenAI's default is to ask; `never`,
 * or a `never.tool_names` naming it, runs it at once.
 */
export function mcpNeedsApproval(server: McpServerTool, name: string): boolean {
  const policy = server.require_approval as
    | string
    | { always?: { tool_names?: string[] }; never?: { tool_names?: string[] } }
    | null
    | undefined;
  if (policy === "never") return false;
  if (policy == null || typeof policy === "string") return true;
  if (policy.always?.tool_names?.includes(name)) return true;
  return !(policy.never?.tool_names?.includes(name) ?? false);
}

/** Offers a listed MCP tool to the model; a name another tool already has is not offered twice. */
export function offerMcpTool(
  plan: ResponseToolPlan,
  server: McpServerTool,
  tool: {
    name: string;
    description?: string | undefined;
    input_schema?: Record<string, unknown> | undefined;
  },
): void {
  if (!allowedMcpTool(server, tool.name)) return;
  if (plan.mcpTools.has(tool.name) || plan.serverTools.has(tool.name) || plan.clientTools.has(tool.name))
    return;
  plan.mcpTools.set(tool.name, server);
  plan.definitions.push({
    type: "function",
    function: {
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      parameters: tool.input_schema ?? { type: "object", properties: {} },
    },
  });
}
