import {
  type ChatMessage,
  type ConversationContentPart,
  type ConversationItemInput,
  InvalidRequestError,
} from "@llama-stack-ts/api";
import { messageText } from "@llama-stack-ts/provider-kit";

/**
 * Chat messages as Responses input items, for agents served as chat models: an assistant's
 * tool calls become `function_call` items and tool messages their outputs, so an agent's client
 * tools round-trip in chat form.
 */
export function chatToResponseInput(messages: readonly ChatMessage[]): ConversationItemInput[] {
  return messages.flatMap((message, index): ConversationItemInput[] => {
    if (message.role === "system" || message.role === "developer") {
      return [{ type: "message", role: "system", content: messageText(message.content) }];
    }
    if (message.role === "tool") {
      return [
        { type: "function_call_output", call_id: message.tool_call_id, output: messageText(message.content) },
      ];
    }
    if (message.role === "assistant") {
      const text = messageText(message.content);
      return [
        ...(text ? [{ type: "message" as const, role: "assistant" as const, content: text }] : []),
        ...(message.tool_calls ?? []).map((call) => ({
          type: "function_call" as const,
          call_id: call.id,
          name: call.function.name,
          arguments: call.function.arguments,
        })),
      ];
    }
    const content: string | ConversationContentPart[] =
      typeof message.content === "string"
        ? message.content
        : message.content.map((part) => {
            if (part.type === "text") return { type: "input_text", text: String(part.text) };
            if (part.type === "image_url") {
              const url = (part.image_url as { url?: string } | undefined)?.url;
              return { type: "input_image", image_url: url ?? null, detail: "auto" };
            }
            throw new InvalidRequestError(`An agent reads text and images; got a '${part.type}' part.`, {
              param: `messages.${index}.content`,
            });
          });
    return [{ type: "message", role: "user", content }];
  });
}
