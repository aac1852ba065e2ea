import { type ChatCompletionChunk, newId, type Usage } from "@llama-stack-ts/api";

type Choice = ChatCompletionChunk["choices"][number];

export interface ChatChunkFactory {
  /** A chunk carrying the one choice (index 0). */
  choice(delta: Choice["delta"], extra?: Partial<Choice>): ChatCompletionChunk;
  /** The closing chunk: usage, no choices. */
  usage(usage: Usage): ChatCompletionChunk;
}

/** Chunks of one chat completion, sharing its id, creation time and model name. */
export function chatChunkFactory(model: string): ChatChunkFactory {
  const id = newId("chatCompletion");
  const created = Math.floor(Date.now() / 1000);
  return {
    choice: (delta, extra = {}) => ({
      id,
      object: "chat.completion.chunk",
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: null, ...extra }],
    }),
    usage: (usage) => ({ id, object: "chat.completion.chunk", created, model, choices: [], usage }),
  };
}
