import {
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  newId,
  type ResponseObject,
  type ResponseOutputItem,
  type ResponseStreamEvent,
} from "@llama-stack-ts/api";
import { failure, finishReason, now, usageOf } from "./agent-chat-completion.ts";

/**
 * An agent's response stream as chat completion chunks: its messages' text (a blank line
 * between messages), its client function calls as `tool_calls` deltas, then the finish reason
 * and, when asked for, the usage.
 */
export async function* agentChatChunks(
  stream: AsyncIterable<ResponseStreamEvent>,
  request: ChatCompletionRequest,
): AsyncGenerator<ChatCompletionChunk> {
  const head = {
    id: newId("chatCompletion"),
    object: "chat.completion.chunk" as const,
    created: now(),
    model: request.model,
  };
  yield {
    ...head,
    choices: [{ index: 0, delta: { role: "assistant" as const, content: "" }, finish_reason: null }],
  };
  let messages = 0;
  let separator = "";
  let response: ResponseObject | null = null;
  let refused = false;
  const calls: ResponseOutputItem[] = [];
  for await (const event of stream) {
    const item = event.item as ResponseOutputItem | undefined;
    if (event.type === "response.output_item.added" && item?.type === "message") {
      separator = messages++ > 0 ? "\n\n" : "";
    } else if (event.type === "response.output_text.delta" || event.type === "response.refusal.delta") {
      // A shield's refusal ends the answer: OpenAI's content_filter.
      if (event.type === "response.refusal.delta") refused = true;
      yield {
        ...head,
        choices: [{ index: 0, delta: { content: separator + String(event.delta) }, finish_reason: null }],
      };
      separator = "";
    } else if (event.type === "response.output_item.done" && item?.type === "function_call") {
      yield {
        ...head,
        choices: [
          { index: 0, delta: { tool_calls: [toolCallDelta(item, calls.length)] }, finish_reason: null },
        ],
      };
      calls.push(item);
    } else if (event.type === "response.failed") {
      throw failure(event.response as ResponseObject);
    } else if (event.type === "response.completed" || event.type === "response.incomplete") {
      response = event.response as ResponseObject;
    }
  }
  const finish = refused ? "content_filter" : response ? finishReason(response, calls) : "stop";
  yield { ...head, choices: [{ index: 0, delta: {}, finish_reason: finish }] };
  if (request.stream_options?.include_usage && response?.usage) {
    yield { ...head, choices: [], usage: usageOf(response) };
  }
}

/** A whole completion as the chunks a stream of it would be. */
export async function* completionChunks(
  whole: ChatCompletion,
  request: ChatCompletionRequest,
): AsyncGenerator<ChatCompletionChunk> {
  const head = {
    id: whole.id,
    object: "chat.completion.chunk" as const,
    created: whole.created,
    model: whole.model,
  };
  const choice = whole.choices[0]!;
  yield {
    ...head,
    choices: [
      { index: 0, delta: { role: "assistant", content: choice.message.content ?? "" }, finish_reason: null },
    ],
  };
  const calls = choice.message.tool_calls ?? [];
  if (calls.length) {
    yield {
      ...head,
      choices: [
        { index: 0, delta: { tool_calls: calls.map((c, index) => ({ index, ...c })) }, finish_reason: null },
      ],
    };
  }
  yield { ...head, choices: [{ index: 0, delta: {}, finish_reason: choice.finish_reason }] };
  if (request.stream_options?.include_usage && whole.usage)
    yield { ...head, choices: [], usage: whole.usage };
}

function toolCallDelta(item: ResponseOutputItem, index: number) {
  return {
    index,
    id: String(item.call_id),
    type: "function" as const,
    function: { name: String(item.name), arguments: String(item.arguments) },
  };
}
