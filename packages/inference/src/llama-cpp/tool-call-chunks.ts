import { type ChatCompletionChunk, newId } from "@llama-stack-ts/api";
import type { ChatChunkFactory } from "./chat-chunk-factory.ts";

/** One chunk per call, each with its `index` and a new id; `arguments` is JSON text. */
export function* toolCallChunks(
  chunks: ChatChunkFactory,
  calls: { name: string; arguments: string }[],
): Generator<ChatCompletionChunk> {
  for (const [index, call] of calls.entries()) {
    yield chunks.choice({
      tool_calls: [
        {
          index,
          id: newId("toolCall"),
          type: "function",
          function: { name: call.name, arguments: call.arguments },
        },
      ],
    });
  }
}
