import type { CallOptions, ChatCompletionChunk, ChatCompletionRequest } from "@llama-stack-ts/api";
import { type LlamaContextSequence, LlamaGrammarEvaluationState } from "node-llama-cpp";
import { toolCallPrefixState } from "../prompt-formats/index.ts";
import type { ChatChunkFactory } from "./chat-chunk-factory.ts";
import { type DecodeResult, decodeTokens } from "./decode-tokens.ts";
import { generateTokens } from "./generate-tokens.ts";
import { JsonValueEnd } from "./json-value-end.ts";
import type { PreparedChat } from "./prepare-chat.ts";
import { samplingFrom } from "./sampling-from.ts";
import { StopMatcher } from "./stop-matcher.ts";

export interface DecodedChat extends DecodeResult {
  /** The output to read: cut where a JSON grammar's value closed, trailing whitespace trimmed if its grammar says so. */
  output: string;
  /** Text held back by a stop string that never completed (empty after a stop string). */
  tail: string;
  /** Whether the output turned out to be a tool call, text, or could still be either. */
  decided: "tool" | "text" | "undecided";
}

/**
 * The decode phase of a chat completion: text streamed as it is decided (held back while it may
 * still be a tool call or a stop string), grammar output kept for the finish phase, and a JSON
 * grammar's output ended as soon as its value is complete.
 */
export async function* decodeChat(
  chat: PreparedChat,
  sequence: LlamaContextSequence,
  request: ChatCompletionRequest,
  options: CallOptions,
  chunks: ChatChunkFactory,
): AsyncGenerator<ChatCompletionChunk, DecodedChat> {
  const { loaded, prompt, grammar, tools, pythonTag, callGrammar } = chat;
  const { model } = loaded;
  const grammarState = grammar
    ? new LlamaGrammarEvaluationState({ model, grammar: grammar.grammar })
    : undefined;
  let callGrammarState: LlamaGrammarEvaluationState | undefined;
  let jsonEnd =
    grammar && (grammar.kind === "tool" || grammar.json) ? JsonValueEnd.of(grammar.grammar) : undefined;
  let trimWhitespaceSuffix = grammar?.grammar.trimWhitespaceSuffix ?? false;
  const stops = new StopMatcher(typeof request.stop === "string" ? [request.stop] : (request.stop ?? []));
  const watchTools = tools.length > 0 && prompt.toolFormat !== null && !grammar;
  let decided: DecodedChat["decided"] = watchTools ? "undecided" : "text";

  const generation = generateTokens(model, sequence, {
    prompt: prompt.tokens,
    maxTokens: chat.requested ?? chat.room,
    sampling: samplingFrom(request),
    ...(grammarState
      ? { grammar: () => grammarState }
      : pythonTag !== null
        ? { grammar: () => callGrammarState }
        : {}),
    topLogprobs: request.logprobs ? (request.top_logprobs ?? 0) : undefined,
    signal: options.signal,
  });
  const decoding = decodeTokens(generation, {
    stops,
    onToken: async (piece, text) => {
      if (piece.token !== pythonTag || text.trim() !== "" || callGrammarState || !callGrammar) return;
      callGrammarState = new LlamaGrammarEvaluationState({ model, grammar: callGrammar });
      jsonEnd = JsonValueEnd.of(callGrammar, text.length + piece.text.length);
      trimWhitespaceSuffix = callGrammar.trimWhitespaceSuffix;
    },
    release: (text) => {
      if (decided === "undecided" && prompt.toolFormat)
        decided = toolCallPrefixState(text, prompt.toolFormat);
      return decided === "text" && !grammar;
    },
    complete: (text) => jsonEnd !== undefined && jsonEnd.find(text) >= 0,
  });
  let step = await decoding.next();
  try {
    while (!step.done) {
      const { text, logprobs } = step.value;
      yield chunks.choice({ content: text }, logprobs ? { logprobs: { content: logprobs } } : {});
      step = await decoding.next();
    }
  } finally {
    if (!step.done) await decoding.return(undefined as never);
  }
  const result = step.value;
  let output = jsonEnd && jsonEnd.end >= 0 ? result.text.slice(0, jsonEnd.end) : result.text;
  if (trimWhitespaceSuffix) output = output.trimEnd();
  const tail = result.stoppedByString ? "" : stops.flush();
  return { ...result, output, tail, decided };
}
