import { type ChatCompletionRequest, type ChatMessage, InvalidRequestError } from "@llama-stack-ts/api";
import { messageText } from "@llama-stack-ts/provider-kit";
import {
  type ChatHistoryItem,
  LlamaText,
  resolveChatWrapper,
  SpecialTokensText,
  type Token,
} from "node-llama-cpp";
import {
  defaultToolPromptFormat,
  formatLlamaChat,
  isLlamaGuardModel,
  type ToolPromptFormat,
} from "../prompt-formats/index.ts";
import { cachedTokenizer } from "./cached-tokenizer.ts";
import type { LoadedModel } from "./model-host.ts";

export interface ChatPrompt {
  tokens: Token[];
  /** The tool-call syntax the prompt taught the model; null for non-Llama templates. */
  toolFormat: ToolPromptFormat | null;
}

/**
 * Llama 3.x models get Meta's prompt format (tools, ipython role, built-ins) rendered by us, so
 * output parsing matches; other GGUFs get their own chat template through node-llama-cpp.
 * User text is tokenized with special tokens disabled: it cannot close a turn.
 */
export function buildChatPrompt(
  loaded: LoadedModel,
  request: ChatCompletionRequest,
  configuredFormat: ToolPromptFormat | null | undefined,
): ChatPrompt {
  const { model, family } = loaded;
  if (family) {
    const toolFormat = configuredFormat ?? defaultToolPromptFormat(family);
    const segments = formatLlamaChat({
      family,
      messages: request.messages,
      tools: request.tool_choice === "none" ? [] : (request.tools ?? []),
      toolChoice: request.tool_choice ?? null,
      toolPromptFormat: toolFormat,
      responseFormat: request.response_format ?? null,
      omitDefaultSystem: isLlamaGuardModel(loaded.name),
    });
    const text = LlamaText(
      segments.map((s) => (typeof s === "string" ? s : new SpecialTokensText(s.special))),
    );
    return { tokens: withBos(loaded, text.tokenize(cachedTokenizer(model))), toolFormat };
  }
  if (request.tools?.length && request.tool_choice !== "none") {
    throw new InvalidRequestError(
      `Model '${request.model}' uses its GGUF chat template, which llama-stack-ts cannot teach tools; tool calling needs a Llama 3.x model (set chat_format in the run config if detection failed).`,
      { param: "tools" },
    );
  }
  const wrapper = resolveChatWrapper(model);
  const { contextText } = wrapper.generateContextState({ chatHistory: toChatHistory(request.messages) });
  return { tokens: withBos(loaded, contextText.tokenize(cachedTokenizer(model))), toolFormat: null };
}

function withBos(loaded: LoadedModel, tokens: Token[]): Token[] {
  const { bos, shouldPrependBosToken } = loaded.model.tokens;
  return shouldPrependBosToken && bos !== null && tokens[0] !== bos ? [bos, ...tokens] : tokens;
}

function toChatHistory(messages: ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  for (const message of messages) {
    const text = messageText(message.content);
    if (message.role === "system" || message.role === "developer") history.push({ type: "system", text });
    else if (message.role === "user") history.push({ type: "user", text });
    else if (message.role === "assistant") history.push({ type: "model", response: [text] });
    else history.push({ type: "user", text: `Tool result (${message.tool_call_id}): ${text}` });
  }
  history.push({ type: "model", response: [] });
  return history;
}
