import { type ChatCompletionRequest, type FunctionTool, InvalidRequestError } from "@llama-stack-ts/api";
import type { LlamaGrammar, Token } from "node-llama-cpp";
import { checkGrammarSchema } from "../prompt-formats/index.ts";
import { assertTextContent } from "./assert-text-content.ts";
import { buildChatPrompt, type ChatPrompt } from "./build-chat-prompt.ts";
import { type ChatGrammar, chatGrammar } from "./chat-grammar.ts";
import { checkLogitBias } from "./check-logit-bias.ts";
import type { LoadedModel, ModelHost } from "./model-host.ts";
import type { SequencePool } from "./sequence-pool.ts";
import { specialToken } from "./special-token.ts";
import { toolCallGrammar } from "./tool-call-grammar.ts";
import { vocabularySize } from "./vocabulary-size.ts";

/** A chat request checked and ready to generate: prompt tokens, limits and grammar. */
export interface PreparedChat {
  loaded: LoadedModel;
  pool: SequencePool;
  prompt: ChatPrompt;
  /** `max_completion_tokens` / `max_tokens`, when given. */
  requested: number | undefined;
  /** Tokens the context has left after the prompt. */
  room: number;
  /** The tools the model may call (none under `tool_choice: "none"`). */
  tools: FunctionTool[];
  grammar: ChatGrammar | undefined;
  /** `<|python_tag|>` when an auto-mode Llama 3.1 call is constrained from that token on; else null. */
  pythonTag: Token | null;
  /** With `pythonTag`: the grammar the call follows from that token on. */
  callGrammar: LlamaGrammar | undefined;
}

// Built-in calls (brave_search.call(...)) follow the tag too, so only all-custom tool sets qualify.
const BUILTIN_TOOLS = new Set(["brave_search", "wolfram_alpha", "code_interpreter", "photogen"]);

/** Everything that can fail before generation does: n, model type, content, context room, grammar. */
export async function prepareChat(host: ModelHost, request: ChatCompletionRequest): Promise<PreparedChat> {
  if ((request.n ?? 1) > 1) {
    throw new InvalidRequestError(
      "n > 1 is not supported by inline::llama-cpp; send several requests instead.",
      {
        param: "n",
      },
    );
  }
  // Before the prompt renders them (recursively): every schema a grammar may be built from.
  const format = request.response_format;
  if (format?.type === "json_schema" && format.json_schema.schema)
    checkGrammarSchema(format.json_schema.schema, "response_format.json_schema.schema");
  for (const [index, tool] of (request.tools ?? []).entries())
    checkGrammarSchema(tool.function.parameters ?? {}, `tools[${index}].function.parameters`);
  const loaded = await host.ready();
  const { model, pool, contextSize } = loaded;
  if (!pool)
    throw new InvalidRequestError(`Model '${request.model}' is not a chat model.`, { param: "model" });
  assertTextContent(request.messages, request.model);
  checkLogitBias(request.logit_bias, vocabularySize(model));
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
  // In `auto` mode a Llama 3.1 call starts with <|python_tag|>; from there its JSON is constrained too.
  const pythonTag =
    prompt.toolFormat === "json" &&
    tools.length > 0 &&
    !grammar &&
    !tools.some((t) => BUILTIN_TOOLS.has(t.function.name))
      ? specialToken(model, "<|python_tag|>")
      : null;
  // Built now, so that a schema the grammar cannot take is a 400 rather than an error mid-stream.
  const callGrammar = pythonTag !== null ? await toolCallGrammar(loaded.llama, tools) : undefined;
  return { loaded, pool, prompt, requested, room, tools, grammar, pythonTag, callGrammar };
}
