import {
  type FunctionTool,
  NotImplementedError,
  type ResponseFunctionTool,
  type ResponseTool,
  type ResponseToolChoice,
  type ToolChoice,
} from "@llama-stack-ts/api";

/** A server-side tool the loop runs itself, through the tool runtime. */
export type ServerTool = Extract<ResponseTool, { type: "file_search" | "code_interpreter" }> | WebSearchTool;
type WebSearchTool = Extract<ResponseTool, { type: `web_search${string}` }>;

/** What the model is offered, and who runs each name it may call. */
export interface ResponseToolPlan {
  definitions: FunctionTool[];
  /** Names the client runs (`function` tools): the loop stops and returns the calls. */
  clientTools: Set<string>;
  /** Names the loop runs itself. */
  serverTools: Map<string, ServerTool>;
}

const QUERY = { type: "object", properties: { query: { type: "string" } }, required: ["query"] };

/** The function definition the model sees for each tool of a request. */
export function planResponseTools(tools: readonly ResponseTool[]): ResponseToolPlan {
  const plan: ResponseToolPlan = { definitions: [], clientTools: new Set(), serverTools: new Map() };
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
      throw new NotImplementedError(
        "MCP tools in /v1/responses are not served yet; register the server as a tool group and call it through /v1/tool-runtime, or use function tools.",
        { param: "tools", code: "mcp_not_implemented" },
      );
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

/** OpenAI's Responses `tool_choice` as the chat form; a hosted tool forced is its function. */
export function chatToolChoice(choice: ResponseToolChoice | null | undefined): ToolChoice | undefined {
  if (choice === null || choice === undefined) return undefined;
  if (typeof choice === "string") return choice;
  if (choice.type === "allowed_tools") return choice.mode as "auto" | "required";
  if (choice.type === "function") return { type: "function", function: { name: String(choice.name) } };
  const hosted = choice.type.startsWith("web_search") ? "web_search" : choice.type;
  return { type: "function", function: { name: hosted } };
}
