import type {
  ChatCompletion,
  ChatCompletionChunk,
  FinishReason,
  TokenLogprob,
  ToolCall,
  Usage,
} from "@llama-stack-ts/api";

/** Rebuilds the non-streaming completion from its chunks (for the stored copy). */
export function accumulateChatStream() {
  let first: ChatCompletionChunk | undefined;
  let content = "";
  let finishReason: FinishReason | null = null;
  let usage: Usage | undefined;
  const toolCalls = new Map<number, ToolCall>();
  let logprobs: TokenLogprob[] | undefined;
  return {
    add(chunk: ChatCompletionChunk) {
      first ??= chunk;
      if (chunk.usage) usage = chunk.usage;
      for (const choice of chunk.choices) {
        if (choice.index !== 0) continue;
        content += choice.delta.content ?? "";
        if (choice.finish_reason) finishReason = choice.finish_reason;
        if (choice.logprobs?.content) {
          logprobs ??= [];
          logprobs.push(...choice.logprobs.content);
        }
        for (const delta of choice.delta.tool_calls ?? []) {
          const call = toolCalls.get(delta.index) ?? {
            id: "",
            type: "function" as const,
            function: { name: "", arguments: "" },
          };
          if (delta.id) call.id = delta.id;
          if (delta.function?.name) call.function.name += delta.function.name;
          if (delta.function?.arguments) call.function.arguments += delta.function.arguments;
          toolCalls.set(delta.index, call);
        }
      }
    },
    result(): ChatCompletion | null {
      if (!first || finishReason === null) return null; // aborted streams are not stored
      const calls = [...toolCalls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
      return {
        id: first.id,
        object: "chat.completion",
        created: first.created,
        model: first.model,
        choices: [
          {
            index: 0,
            message: {
              role: "assistant",
              content: content === "" && calls.length ? null : content,
              ...(calls.length ? { tool_calls: calls } : {}),
            },
            finish_reason: finishReason,
            ...(logprobs ? { logprobs: { content: logprobs } } : {}),
          },
        ],
        ...(usage ? { usage } : {}),
      };
    },
  };
}
