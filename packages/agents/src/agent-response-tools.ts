import {
  type AgentClientTool,
  type AgentToolGroup,
  InvalidRequestError,
  type ResponseTool,
  type ResponseToolChoice,
} from "@llama-stack-ts/api";

/** Hosted tools the Responses loop runs, by the tool-call name the model uses. */
const HOSTED_NAMES = new Set(["code_interpreter", "file_search", "web_search"]);

/**
 * An agent's tool groups and client tools as Responses tools: `builtin::websearch` → web_search,
 * `builtin::rag` / `builtin::file_search` (with `vector_db_ids`) → file_search,
 * `builtin::code_interpreter` → code_interpreter, any other group → an `mcp` tool naming the
 * registered MCP tool group (the Responses loop resolves its endpoint; a group that is not an MCP
 * server is a 400 there), client tools → function tools.
 */
export function agentResponseTools(
  toolgroups: readonly AgentToolGroup[],
  clientTools: readonly AgentClientTool[],
  param = "agent_config.toolgroups",
): ResponseTool[] {
  const hosted = new Map<string, ResponseTool>();
  for (const group of toolgroups) {
    const name = typeof group === "string" ? group : group.name;
    const args = (typeof group === "string" ? null : group.args) ?? {};
    const base = name.split("/")[0];
    if (base === "builtin::websearch" || base === "builtin::web_search") {
      hosted.set("web_search", { type: "web_search" });
    } else if (base === "builtin::code_interpreter") {
      hosted.set("code_interpreter", { type: "code_interpreter" });
    } else if (base === "builtin::rag" || base === "builtin::file_search") {
      const ids = args.vector_db_ids ?? args.vector_store_ids;
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === "string" && id)) {
        throw new InvalidRequestError(
          `Tool group '${name}' needs args.vector_db_ids: the vector stores to search.`,
          {
            param,
          },
        );
      }
      const previous = hosted.get("file_search") as { vector_store_ids?: string[] } | undefined;
      const merged = [...new Set([...(previous?.vector_store_ids ?? []), ...(ids as string[])])];
      hosted.set("file_search", { type: "file_search", vector_store_ids: merged });
    } else {
      // Any other group must be a registered MCP server; the Responses loop resolves it by label.
      // Legacy agents ran their tools without asking.
      hosted.set(`mcp:${name}`, { type: "mcp", server_label: name, require_approval: "never" });
    }
  }
  const functions: ResponseTool[] = clientTools.map((tool) => {
    if (HOSTED_NAMES.has(tool.name)) {
      throw new InvalidRequestError(`Client tool '${tool.name}' has the name of a server-side tool.`, {
        param: "agent_config.client_tools",
      });
    }
    return {
      type: "function",
      name: tool.name,
      description: tool.description ?? null,
      parameters: tool.input_schema ?? legacyParameters(tool.parameters ?? []),
      strict: false,
    };
  });
  return [...hosted.values(), ...functions];
}

/** The vector stores an agent's file search reads (`builtin::rag` groups' `vector_db_ids`), in order. */
export function fileSearchStores(toolgroups: readonly AgentToolGroup[]): string[] {
  const stores = new Set<string>();
  for (const group of toolgroups) {
    if (typeof group === "string") continue;
    const base = group.name.split("/")[0];
    if (base !== "builtin::rag" && base !== "builtin::file_search") continue;
    const ids = group.args?.vector_db_ids ?? group.args?.vector_store_ids;
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === "string") stores.add(id);
  }
  return [...stores];
}

/** Older clients' per-parameter list as a JSON schema. */
function legacyParameters(parameters: NonNullable<AgentClientTool["parameters"]>): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const p of parameters) {
    properties[p.name] = {
      type:
        p.parameter_type === "int" ? "integer" : p.parameter_type === "float" ? "number" : p.parameter_type,
      ...(p.description ? { description: p.description } : {}),
      ...(p.default !== undefined && p.default !== null ? { default: p.default } : {}),
    };
  }
  const required = parameters.filter((p) => p.required !== false).map((p) => p.name);
  return { type: "object", properties, required };
}

/** Legacy `tool_choice` (`auto`, `required`, `none` or a tool's name) in the Responses form. */
export function agentToolChoice(choice: string | null | undefined): ResponseToolChoice | undefined {
  if (!choice) return undefined;
  if (choice === "auto" || choice === "required" || choice === "none") return choice;
  if (HOSTED_NAMES.has(choice)) return { type: choice };
  return { type: "function", name: choice };
}
