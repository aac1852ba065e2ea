import type { ChatMessage, ConversationItem, ToolCall, UserContentPart } from "@llama-stack-ts/api";
import { itemText } from "./item-text.ts";

type Item = ConversationItem & Record<string, unknown>;

/** A server-side call item as the call the model made and the result it read. */
function serverCall(item: Item): { name: string; arguments: string; output: string } | null {
  switch (item.type) {
    case "code_interpreter_call":
      return {
        name: "code_interpreter",
        arguments: JSON.stringify({ code: item.code ?? "" }),
        output: itemText(item.outputs),
      };
    case "file_search_call":
      return {
        name: "file_search",
        arguments: JSON.stringify({ query: (item.queries as string[] | undefined)?.[0] ?? "" }),
        output: itemText(item.results),
      };
    case "web_search_call":
      return {
        name: "web_search",
        arguments: JSON.stringify({ query: (item.action as { query?: string } | undefined)?.query ?? "" }),
        output: typeof item.output === "string" ? item.output : "",
      };
    case "mcp_call":
      return {
        name: String(item.name),
        arguments: String(item.arguments),
        output: String(item.output ?? item.error ?? ""),
      };
    default:
      return null;
  }
}

function userContent(content: unknown): string | UserContentPart[] {
  if (!Array.isArray(content)) return itemText(content);
  const parts: UserContentPart[] = [];
  for (const part of content as Record<string, unknown>[]) {
    if (part.type === "input_image" && typeof part.image_url === "string") {
      parts.push({ type: "image_url", image_url: { url: part.image_url } });
    } else if (part.type === "input_file") {
      parts.push({
        type: "file",
        file: {
          ...(part.file_id ? { file_id: String(part.file_id) } : {}),
          ...(part.file_data ? { file_data: String(part.file_data) } : {}),
          ...(part.filename ? { filename: String(part.filename) } : {}),
        },
      });
    } else {
      parts.push({ type: "text", text: itemText([part]) });
    }
  }
  return parts.every((p) => p.type === "text")
    ? parts.map((p) => (p as { text: string }).text).join("")
    : parts;
}

/**
 * Items (history and input) as chat messages: consecutive calls (function and server-side) join
 * one assistant message with `tool_calls`, each output a `tool` message; listings, approvals and
 * reasoning carry nothing the model needs again and are skipped.
 */
export function itemsToMessages(items: ConversationItem[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  let pendingCalls: ToolCall[] | null = null;
  const openCalls = () => {
    const last = messages.at(-1);
    if (pendingCalls && last?.role === "assistant") return pendingCalls;
    pendingCalls = [];
    messages.push({ role: "assistant", content: null, tool_calls: pendingCalls });
    return pendingCalls;
  };
  for (const raw of items) {
    const item = raw as Item;
    if (item.type === "message") {
      pendingCalls = null;
      const role = item.role as "user" | "assistant" | "system" | "developer";
      if (role === "user") messages.push({ role, content: userContent(item.content) });
      else messages.push({ role, content: itemText(item.content) });
    } else if (item.type === "function_call") {
      openCalls().push({
        id: String(item.call_id),
        type: "function",
        function: { name: String(item.name), arguments: String(item.arguments) },
      });
    } else if (item.type === "function_call_output") {
      pendingCalls = null;
      messages.push({ role: "tool", tool_call_id: String(item.call_id), content: itemText(item.output) });
    } else {
      const call = serverCall(item);
      if (!call) continue;
      openCalls().push({
        id: item.id,
        type: "function",
        function: { name: call.name, arguments: call.arguments },
      });
      messages.push({ role: "tool", tool_call_id: item.id, content: call.output });
      pendingCalls = null;
    }
  }
  return messages;
}
