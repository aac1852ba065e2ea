import type OpenAI from "openai";

/** A streamed chat completion read to its end: the text, the finish reasons sent, the usage. */
export async function readChatStream(stream: AsyncIterable<OpenAI.ChatCompletionChunk>) {
  let text = "";
  const finishes: string[] = [];
  let usage: OpenAI.CompletionUsage | null = null;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? "";
    if (chunk.choices[0]?.finish_reason) finishes.push(chunk.choices[0].finish_reason);
    if (chunk.usage) usage = chunk.usage;
  }
  return { text, finishes, usage };
}
