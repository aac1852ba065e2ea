import type { CallOptions, ChatCompletionChunk, ChatCompletionRequest } from "@llama-stack-ts/api";
import { chatChunkFactory } from "./chat-chunk-factory.ts";
import { decodeChat } from "./decode-chat.ts";
import { finishChat } from "./finish-chat.ts";
import type { ModelHost } from "./model-host.ts";
import { prepareChat } from "./prepare-chat.ts";

/**
 * One chat completion as OpenAI chunks, in three phases: prepare (checks, prompt in Llama format,
 * grammar), decode (tokens from the engine, text streamed as it is decided), finish (tool calls
 * parsed from the whole output and sent with their `index`, finish reason, usage).
 * The non-streaming route assembles the same chunks.
 */
export async function* chatCompletionStream(
  host: ModelHost,
  request: ChatCompletionRequest,
  options: CallOptions,
): AsyncGenerator<ChatCompletionChunk> {
  const chat = await prepareChat(host, request);
  const chunks = chatChunkFactory(request.model);
  const sequence = await chat.pool.acquire(options.signal, chat.prompt.tokens);
  let released = false;
  // Free the sequence as soon as the engine is done, not when the client has read the last chunk.
  const release = () => {
    if (!released) {
      released = true;
      chat.pool.release(sequence);
    }
  };
  try {
    yield chunks.choice({ role: "assistant", content: "" });
    const decoded = yield* decodeChat(chat, sequence, request, options, chunks);
    release();
    if (decoded.end?.reason === "abort") return;
    yield* finishChat(chat, decoded, request, chunks);
  } finally {
    release();
  }
}
