import type { AgentToolCall, AgentToolResponse, ResponseOutputItem } from "@llama-stack-ts/api";
import { itemText } from "./item-text.ts";

const HOSTED_CALLS = new Set(["code_interpreter_call", "file_search_call", "web_search_call", "mcp_call"]);

/** Whether an output item is a call the server ran (code interpreter, file or web search). */
export const isHostedCall = (item: ResponseOutputItem) => HOSTED_CALLS.has(item.type);

/** A hosted call item as the legacy tool call a step lists. */
export function hostedToolCall(item: ResponseOutputItem): AgentToolCall {
  if (item.type === "mcp_call")
    return { call_id: item.id, tool_name: String(item.name), arguments: String(item.arguments ?? "{}") };
  const name = item.type.replace(/_call$/, "");
  const args =
    item.type === "code_interpreter_call"
      ? { code: item.code ?? "" }
      : item.type === "file_search_call"
        ? { query: (item.queries as string[] | undefined)?.[0] ?? "" }
        : { query: (item.action as { query?: string } | undefined)?.query ?? "" };
  return { call_id: item.id, tool_name: name, arguments: JSON.stringify(args) };
}

/** What a hosted call item brought back, as the legacy tool response to its call. */
export function hostedToolResponse(item: ResponseOutputItem, call: AgentToolCall): AgentToolResponse {
  const content =
    item.type === "mcp_call"
      ? String(item.output ?? item.error ?? "")
      : item.type === "code_interpreter_call"
        ? itemText(item.outputs ?? [])
        : item.type === "file_search_call"
          ? itemText(item.results ?? [])
          : webSearchSources(item);
  return {
    call_id: call.call_id,
    tool_name: call.tool_name,
    content,
    metadata: { status: item.status ?? null },
  };
}

/** A web search's answer as a step shows it: the pages it found (the text the model read is not shown). */
function webSearchSources(item: ResponseOutputItem): string {
  const sources = (item.action as { sources?: { url?: string }[] } | undefined)?.sources;
  if (item.status !== "completed" || !Array.isArray(sources)) return String(item.status ?? "");
  return JSON.stringify({ sources: sources.map((source) => source.url) });
}
