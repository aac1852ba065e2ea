import type { ChatCompletionChunk, ChatCompletionRequest, FinishReason } from "@llama-stack-ts/api";
import { parseLlamaOutput } from "../prompt-formats/index.ts";
import type { ChatChunkFactory } from "./chat-chunk-factory.ts";
import type { DecodedChat } from "./decode-chat.ts";
import { forcedToolCall } from "./forced-tool-call.ts";
import type { PreparedChat } from "./prepare-chat.ts";
import { specialToken } from "./special-token.ts";
import { toolCallChunks } from "./tool-call-chunks.ts";
import { validateStructuredOutput } from "./validate-structured-output.ts";

/**
 * The finish phase of a chat completion: tool calls parsed from the whole output and sent with
 * their `index`, held-back or grammar-constrained text, leftover logprobs, the finish reason and usage.
 */
export function* finishChat(
  chat: PreparedChat,
  decoded: DecodedChat,
  request: ChatCompletionRequest,
  chunks: ChatChunkFactory,
): Generator<ChatCompletionChunk> {
  const { grammar, prompt, tools, loaded } = chat;
  const { end, output } = decoded;
  let finish: FinishReason = end?.reason === "length" ? "length" : "stop";
  if (grammar?.kind === "tool") {
    // Cut off by max_tokens, the call keeps its partial arguments and finish_reason "length", as OpenAI's does.
    const call = forcedToolCall(output, grammar.toolNames, finish !== "length");
    if (call) yield* toolCallChunks(chunks, [call]);
    if (finish !== "length") finish = "tool_calls";
  } else if (decoded.decided !== "text" && prompt.toolFormat && !decoded.stoppedByString) {
    const eom = end?.eogToken !== undefined && end.eogToken === specialToken(loaded.model, "<|eom_id|>");
    const parsed = parseLlamaOutput(output, {
      family: loaded.family!,
      toolPromptFormat: prompt.toolFormat,
      toolNames: tools.map((t) => t.function.name),
      stop: end?.reason === "length" ? "length" : eom ? "eom" : "eot",
    });
    if (parsed.content) yield chunks.choice({ content: parsed.content });
    if (parsed.toolCalls.length > 0) {
      const calls = parsed.toolCalls.map((c) => ({ name: c.name, arguments: JSON.stringify(c.arguments) }));
      yield* toolCallChunks(chunks, calls);
      finish = "tool_calls";
    }
  } else {
    if (decoded.tail) yield chunks.choice({ content: decoded.tail });
    if (grammar?.kind === "format" && finish === "stop") validateStructuredOutput(output, request);
    // Grammar output is never streamed (its text is held back), so it is sent whole here.
    if (grammar?.kind === "format" && output) yield chunks.choice({ content: output });
  }
  if (decoded.logprobs.length) yield chunks.choice({}, { logprobs: { content: decoded.logprobs } });
  yield chunks.choice({}, { finish_reason: finish });
  if (request.stream_options?.include_usage || !request.stream) {
    const promptTokens = end?.promptTokens ?? prompt.tokens.length;
    const completionTokens = end?.completionTokens ?? decoded.generated;
    yield chunks.usage({
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: end?.cachedTokens ?? 0 },
    });
  }
}
