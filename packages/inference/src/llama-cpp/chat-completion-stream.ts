import {
  type CallOptions,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type FinishReason,
  InvalidRequestError,
  newId,
  type TokenLogprob,
} from "@llama-stack-ts/api";
import { LlamaGrammarEvaluationState, type LlamaModel, type Token } from "node-llama-cpp";
import { parseLlamaOutput, toolCallJsonSchema, toolCallPrefixState } from "../prompt-formats/index.ts";
import { buildChatPrompt } from "./build-chat-prompt.ts";
import { chatGrammar } from "./chat-grammar.ts";
import { generateTokens } from "./generate-tokens.ts";
import type { ModelHost } from "./model-host.ts";
import { samplingFrom } from "./sampling-from.ts";
import { StopMatcher } from "./stop-matcher.ts";
import { validateStructuredOutput } from "./validate-structured-output.ts";

/**
 * One chat completion as OpenAI chunks: prompt in Llama format, tokens from the engine, text
 * streamed as it is decided, tool calls parsed at the end and sent with their `index`.
 * The non-streaming route assembles the same chunks.
 */
export async function* chatCompletionStream(
  host: ModelHost,
  request: ChatCompletionRequest,
  options: CallOptions,
): AsyncGenerator<ChatCompletionChunk> {
  if ((request.n ?? 1) > 1) {
    throw new InvalidRequestError(
      "n > 1 is not supported by inline::llama-cpp; send several requests instead.",
      {
        param: "n",
      },
    );
  }
  const loaded = await host.ready();
  const { model, pool, contextSize } = loaded;
  if (!pool)
    throw new InvalidRequestError(`Model '${request.model}' is not a chat model.`, { param: "model" });
  const prompt = buildChatPrompt(loaded, request, host.config.tool_prompt_format);
  const requested = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const room = contextSize - prompt.tokens.length;
  if (room <= 0 || (requested !== undefined && requested > room)) {
    throw new InvalidRequestError(
      `This model's context is ${contextSize} tokens; the messages take ${prompt.tokens.length}${requested !== undefined ? ` and max_tokens asks for ${requested} more` : ""}. Shorten the messages${requested !== undefined ? " or lower max_tokens" : ""}.`,
      { param: "messages", code: "context_length_exceeded" },
    );
  }

  const tools = request.tool_choice === "none" ? [] : (request.tools ?? []);
  const grammar = await chatGrammar(loaded, request, tools, prompt.toolFormat);
  const grammarState = grammar
    ? new LlamaGrammarEvaluationState({ model, grammar: grammar.grammar })
    : undefined;
  // In `auto` mode a Llama 3.1 call starts with <|python_tag|>; from there its JSON is constrained too.
  let callGrammarState: LlamaGrammarEvaluationState | undefined;
  // Built-in calls (brave_search.call(...)) follow the tag too, so only all-custom tool sets qualify.
  const pythonTag =
    prompt.toolFormat === "json" &&
    tools.length > 0 &&
    !grammar &&
    !tools.some((t) => BUILTIN_TOOLS.has(t.function.name))
      ? pythonTagToken(model)
      : null;
  const id = newId("chatCompletion");
  const created = Math.floor(Date.now() / 1000);
  const chunk = (
    delta: ChatCompletionChunk["choices"][number]["delta"],
    extra: Partial<ChatCompletionChunk["choices"][number]> = {},
  ): ChatCompletionChunk => ({
    id,
    object: "chat.completion.chunk",
    created,
    model: request.model,
    choices: [{ index: 0, delta, finish_reason: null, ...extra }],
  });

  const sequence = await pool.acquire(options.signal);
  let released = false;
  // Free the sequence as soon as the engine is done, not when the client has read the last chunk.
  const release = () => {
    if (!released) {
      released = true;
      pool.release(sequence);
    }
  };
  try {
    yield chunk({ role: "assistant", content: "" });
    const stops = new StopMatcher(typeof request.stop === "string" ? [request.stop] : (request.stop ?? []));
    const watchTools = tools.length > 0 && prompt.toolFormat !== null && !grammar;
    let raw = "";
    let releasedChars = 0;
    let decided: "tool" | "text" | "undecided" = watchTools ? "undecided" : "text";
    let streamedText = "";
    const logprobs: TokenLogprob[] = [];
    const generation = generateTokens(model, sequence, {
      prompt: prompt.tokens,
      maxTokens: requested ?? room,
      sampling: samplingFrom(request),
      ...(grammarState
        ? { grammar: () => grammarState }
        : pythonTag !== null
          ? { grammar: () => callGrammarState }
          : {}),
      topLogprobs: request.logprobs ? (request.top_logprobs ?? 0) : undefined,
      signal: options.signal,
    });
    let generated = 0; // counted here too: a stop string ends the loop before the generator reports
    let step = await generation.next();
    while (!step.done) {
      const piece = step.value;
      generated++;
      if (piece.logprob) logprobs.push(piece.logprob);
      if (piece.token === pythonTag && raw.trim() === "" && !callGrammarState) {
        const callGrammar = await model.llama.createGrammarForJsonSchema(toolCallJsonSchema(tools) as never);
        callGrammarState = new LlamaGrammarEvaluationState({ model, grammar: callGrammar });
      }
      raw += piece.text;
      if (decided === "undecided" && prompt.toolFormat) decided = toolCallPrefixState(raw, prompt.toolFormat);
      if (decided === "text" && !grammar) {
        // Text held back while a tool call was still possible is released together.
        const out = stops.push(raw.slice(releasedChars));
        releasedChars = raw.length;
        if (out) {
          streamedText += out;
          yield chunk(
            { content: out },
            piece.logprob && !stops.stopped ? { logprobs: { content: logprobs.splice(0) } } : {},
          );
        }
        if (stops.stopped) break;
      }
      step = await generation.next();
    }
    if (!step.done) await generation.return(undefined as never);
    release();
    const end = step.done ? step.value : undefined;
    const stoppedByString = stops.stopped;

    let finish: FinishReason = end?.reason === "length" ? "length" : "stop";
    if (end?.reason === "abort") return;
    if (grammar?.kind === "tool") {
      const call = grammar.parse(raw);
      yield* emitToolCalls(chunk, [call]);
      finish = "tool_calls";
    } else if (decided !== "text" && prompt.toolFormat && !stoppedByString) {
      const eom = end?.eogToken !== undefined && end.eogToken === eomToken(loaded.model);
      const parsed = parseLlamaOutput(raw, {
        family: loaded.family!,
        toolPromptFormat: prompt.toolFormat,
        toolNames: tools.map((t) => t.function.name),
        stop: end?.reason === "length" ? "length" : eom ? "eom" : "eot",
      });
      if (parsed.content) yield chunk({ content: parsed.content });
      if (parsed.toolCalls.length > 0) {
        yield* emitToolCalls(chunk, parsed.toolCalls);
        finish = "tool_calls";
      }
    } else {
      const tail = stoppedByString ? "" : stops.flush();
      if (tail) {
        streamedText += tail;
        yield chunk({ content: tail });
      }
      if (grammar?.kind === "format" && finish === "stop") validateStructuredOutput(raw, request);
      if (grammar?.kind === "format" && streamedText === "" && raw) yield chunk({ content: raw });
    }
    if (logprobs.length) yield chunk({}, { logprobs: { content: logprobs } });
    yield chunk({}, { finish_reason: finish });
    if (request.stream_options?.include_usage || !request.stream) {
      const usage = {
        prompt_tokens: end?.promptTokens ?? prompt.tokens.length,
        completion_tokens: end?.completionTokens ?? generated,
        total_tokens: (end?.promptTokens ?? prompt.tokens.length) + (end?.completionTokens ?? generated),
        prompt_tokens_details: { cached_tokens: end?.cachedTokens ?? 0 },
      };
      yield { id, object: "chat.completion.chunk", created, model: request.model, choices: [], usage };
    }
  } finally {
    release();
  }
}

function* emitToolCalls(
  chunk: (delta: ChatCompletionChunk["choices"][number]["delta"]) => ChatCompletionChunk,
  calls: { name: string; arguments: Record<string, unknown> }[],
): Generator<ChatCompletionChunk> {
  for (const [index, call] of calls.entries()) {
    yield chunk({
      tool_calls: [
        {
          index,
          id: newId("toolCall"),
          type: "function",
          function: { name: call.name, arguments: JSON.stringify(call.arguments) },
        },
      ],
    });
  }
}

const BUILTIN_TOOLS = new Set(["brave_search", "wolfram_alpha", "code_interpreter", "photogen"]);

const specialCache = new WeakMap<object, Map<string, Token | null>>();
/** The id of a special token such as `<|eom_id|>`, or null when the vocabulary lacks it. */
function specialToken(model: LlamaModel, text: string): Token | null {
  let cache = specialCache.get(model);
  if (!cache) {
    cache = new Map();
    specialCache.set(model, cache);
  }
  if (!cache.has(text)) {
    const tokens = model.tokenize(text, true);
    cache.set(text, tokens.length === 1 ? tokens[0]! : null);
  }
  return cache.get(text) ?? null;
}
const eomToken = (model: LlamaModel) => specialToken(model, "<|eom_id|>");
const pythonTagToken = (model: LlamaModel) => specialToken(model, "<|python_tag|>");
