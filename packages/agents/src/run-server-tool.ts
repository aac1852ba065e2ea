import {
  type ApiCall,
  newId,
  type ResponseOutputItem,
  StackError,
  type ToolCall,
  type ToolInvocationResult,
  type ToolRuntimeApi,
} from "@llama-stack-ts/api";
import { itemText } from "./item-text.ts";
import { parseCallArguments } from "./parse-call-arguments.ts";
import type { ServerTool } from "./response-tool-plan.ts";

/** One executed server-side call: the output item a client sees and the text the model reads. */
export interface ServerToolOutcome {
  item: ResponseOutputItem;
  result: string;
  /** Files a file search found, by id: what the answer may cite. */
  citations?: Record<string, string>;
}

/** The tool runtime's call for a hosted tool: its name there and the arguments it takes. */
function invocation(tool: ServerTool, args: Record<string, unknown>) {
  if (tool.type === "file_search") {
    return {
      tool_name: "file_search",
      kwargs: {
        query: String(args.query ?? ""),
        vector_store_ids: tool.vector_store_ids,
        ...(tool.max_num_results ? { max_num_results: tool.max_num_results } : {}),
        ...(tool.filters ? { filters: tool.filters } : {}),
        ...(tool.ranking_options ? { ranking_options: tool.ranking_options } : {}),
        ...(tool.search_mode ? { search_mode: tool.search_mode } : {}),
      },
    };
  }
  if (tool.type === "code_interpreter")
    return { tool_name: "code_interpreter", kwargs: { code: String(args.code ?? "") } };
  return { tool_name: "web_search", kwargs: { query: String(args.query ?? "") } };
}

/** The call's item while it runs (`status: "in_progress"`), announced before it starts. */
export function inProgressItem(tool: ServerTool, call: ToolCall, id: string): ResponseOutputItem {
  const args = parseCallArguments(call.function.arguments);
  if (tool.type === "code_interpreter") {
    return {
      type: "code_interpreter_call",
      id,
      status: "in_progress",
      code: String(args.code ?? ""),
      container_id: "local",
      outputs: null,
    };
  }
  if (tool.type === "file_search") {
    return {
      type: "file_search_call",
      id,
      status: "in_progress",
      queries: [String(args.query ?? "")],
      results: null,
    };
  }
  return {
    type: "web_search_call",
    id,
    status: "in_progress",
    action: { type: "search", query: String(args.query ?? "") },
  };
}

/** A new id for a hosted call's item, by its kind. */
export function serverToolItemId(tool: ServerTool): string {
  if (tool.type === "code_interpreter") return newId("codeInterpreterCall");
  if (tool.type === "file_search") return newId("fileSearchCall");
  return newId("webSearchCall");
}

/**
 * Runs one hosted tool call through the tool runtime. A failure of any kind — the tool's own
 * error, bad arguments, a tool nobody serves — is a result the model reads, never a failed response.
 */
export async function runServerTool(
  tool: ServerTool,
  call: ToolCall,
  toolRuntime: ToolRuntimeApi,
  apiCall: ApiCall,
  options: { id?: string } = {},
): Promise<ServerToolOutcome> {
  const id = options.id ?? serverToolItemId(tool);
  const args = parseCallArguments(call.function.arguments);
  let result: ToolInvocationResult;
  try {
    result = await toolRuntime.invoke(invocation(tool, args), apiCall);
  } catch (error) {
    if (!StackError.isInstance(error)) throw error;
    result = { error_code: 1, error_message: error.message };
  }
  const failed = result.error_message !== undefined;
  const text = failed ? `Error: ${result.error_message}` : itemText(result.content);
  const status = failed ? "failed" : "completed";
  if (tool.type === "code_interpreter") {
    return {
      result: text,
      item: {
        type: "code_interpreter_call",
        id,
        status,
        code: String(args.code ?? ""),
        container_id: "local",
        // Stored whole for later turns; a reader sees them only with `include` (presentItem).
        outputs: [{ type: "logs", logs: text }],
      },
    };
  }
  if (tool.type === "file_search") {
    const hits = failed ? [] : searchHits(result.metadata);
    return {
      result: text,
      citations: Object.fromEntries(hits.map((hit) => [hit.file_id, hit.filename])),
      item: {
        type: "file_search_call",
        id,
        status,
        queries: [String(args.query ?? "")],
        // Stored whole for later turns; a reader sees them only with `include` (presentItem).
        results: failed ? null : hits,
      },
    };
  }
  return {
    result: text,
    item: {
      type: "web_search_call",
      id,
      status,
      action: {
        type: "search",
        query: String(args.query ?? ""),
        ...(failed ? {} : { sources: webSources(result.metadata) }),
      },
      // What the model read, for later turns; never shown to a reader (presentItem).
      output: text,
    },
  };
}

/** The pages a web search returned, from the web_search tool's metadata, as OpenAI's sources. */
function webSources(metadata: Record<string, unknown> | undefined) {
  const results = Array.isArray(metadata?.results) ? (metadata.results as Record<string, unknown>[]) : [];
  return results
    .filter((hit) => typeof hit.url === "string")
    .map((hit) => ({ type: "url" as const, url: String(hit.url) }));
}

/** The chunks a file search found, from the file_search tool's metadata, as OpenAI's results. */
function searchHits(metadata: Record<string, unknown> | undefined) {
  const results = Array.isArray(metadata?.results) ? (metadata.results as Record<string, unknown>[]) : [];
  return results.map((hit) => ({
    file_id: String(hit.file_id ?? ""),
    filename: String(hit.filename ?? hit.file_id ?? ""),
    score: typeof hit.score === "number" ? hit.score : 0,
    text: String(hit.text ?? ""),
    attributes: (hit.attributes as Record<string, unknown> | undefined) ?? {},
  }));
}
