import {
  type ChatCompletion,
  type ChatCompletionRequest,
  type FinishReason,
  newId,
  type ResponseObject,
  type ResponseOutputItem,
  UpstreamError,
} from "@llama-stack-ts/api";
import { itemText } from "./item-text.ts";

/** An agent model's answer as a chat completion: its text, and its client tool calls as `tool_calls`. */
export function agentChatCompletion(
  request: ChatCompletionRequest,
  text: string,
  calls: readonly ResponseOutputItem[],
  finish: FinishReason,
  response: ResponseObject | null,
): ChatCompletion {
  return {
    id: newId("chatCompletion"),
    object: "chat.completion",
    created: now(),
    model: request.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: text,
          ...(calls.length
            ? {
                tool_calls: calls.map((item) => ({
                  id: String(item.call_id),
                  type: "function" as const,
                  function: { name: String(item.name), arguments: String(item.arguments) },
                })),
              }
            : {}),
        },
        finish_reason: finish,
        logprobs: null,
      },
    ],
    ...(response?.usage ? { usage: usageOf(response) } : {}),
  };
}

/** Every message's text, a blank line between messages (as the stream sends it). */
export function answerText(output: readonly ResponseOutputItem[]): string {
  return output
    .filter((item) => item.type === "message")
    .map((item) => itemText(item.content))
    .join("\n\n");
}

export function finishReason(response: ResponseObject, calls: readonly ResponseOutputItem[]): FinishReason {
  if (calls.length) return "tool_calls";
  return response.status === "incomplete" && response.incomplete_details?.reason === "max_output_tokens"
    ? "length"
    : "stop";
}

export function usageOf(response: ResponseObject) {
  const usage = response.usage!;
  return {
    prompt_tokens: usage.input_tokens,
    completion_tokens: usage.output_tokens,
    total_tokens: usage.total_tokens,
  };
}

export function failure(response: ResponseObject): UpstreamError {
  return new UpstreamError(response.error?.message ?? "The agent's response failed.");
}

export function now(): number {
  return Math.floor(Date.now() / 1000);
}
