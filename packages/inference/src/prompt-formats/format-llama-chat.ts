import type { ChatMessage, FunctionTool, ResponseFormat, ToolChoice } from "@llama-stack-ts/api";
import { messageText } from "@llama-stack-ts/provider-kit";
import { encodeToolCalls } from "./encode-tool-calls.ts";
import { functionTagToolInstructions } from "./function-tag-tool-instructions.ts";
import { jsonToolInstructions } from "./json-tool-instructions.ts";
import type { LlamaFamily } from "./llama-family.ts";
import { llama31SystemPrompt } from "./llama31-system-prompt.ts";
import { llama32SystemPrompt } from "./llama32-system-prompt.ts";
import { appendSegments, type PromptSegment, special } from "./prompt-segment.ts";
import { pythonListSystemPrompt } from "./python-list-tool-instructions.ts";
import { responseFormatPrompt } from "./response-format-prompt.ts";
import { messageHeader, SpecialTokens } from "./special-tokens.ts";
import { splitTools } from "./split-tools.ts";
import { toolChoiceLine } from "./tool-choice-line.ts";
import { defaultToolPromptFormat, type ToolPromptFormat } from "./tool-prompt-format.ts";

export interface FormatLlamaChatInput {
  family: LlamaFamily;
  messages: ChatMessage[];
  tools?: FunctionTool[];
  toolChoice?: ToolChoice | null;
  /** Defaults to the family's format (json for 3.1, python_list for 3.2/3.3). */
  toolPromptFormat?: ToolPromptFormat;
  responseFormat?: ResponseFormat | null;
  /** The 3.1 `Today Date` line; defaults to the current time. */
  now?: Date;
  /** 3.2/3.3 python_list only: `replace` uses the system message as the tool prompt template. */
  systemMessageBehavior?: "append" | "replace";
  /** No system block unless messages or tools need one (Llama Guard: no date lines). */
  omitDefaultSystem?: boolean;
}

function isSystem(message: ChatMessage): boolean {
  return message.role === "system" || message.role === "developer";
}

/**
 * The complete Llama 3.x prompt, without `<|begin_of_text|>` (the engine adds BOS) and ending with
 * the assistant header, following llama-stack's server assembly. Llama 3 has one system block, so
 * all system and developer messages are merged into it, in order, separated by a blank line.
 *
 * @example
 * formatLlamaChat({ family: "llama3_2", messages: [{ role: "user", content: "Hi" }] })
 */
export function formatLlamaChat(input: FormatLlamaChatInput): PromptSegment[] {
  const format = input.toolPromptFormat ?? defaultToolPromptFormat(input.family);
  // llama-stack drops the tools for tool_choice "none"; past calls in the history still render.
  const tools = splitTools(input.toolChoice === "none" ? [] : (input.tools ?? []));
  const hasTools = tools.builtin.length > 0 || tools.codeInterpreter || tools.custom.length > 0;
  const choiceLine = hasTools ? toolChoiceLine(input.toolChoice) : null;
  const systemTexts = input.messages
    .filter(isSystem)
    .map((message) => messageText(message.content, { separator: "\n" }))
    .filter((text) => text !== "");
  const systemPrompt = systemTexts.length > 0 ? systemTexts.join("\n\n") : null;
  const customToolsInSystem = format === "python_list";

  const system =
    input.family === "llama3_1"
      ? llama31SystemPrompt({
          tools,
          now: input.now ?? new Date(),
          systemPrompt,
          toolChoiceLine: choiceLine,
          pythonListPrompt:
            customToolsInSystem && tools.custom.length > 0 ? pythonListSystemPrompt(tools.custom) : null,
        })
      : llama32SystemPrompt({
          tools,
          systemPrompt,
          toolChoiceLine: choiceLine,
          systemMessageBehavior: input.systemMessageBehavior ?? "append",
          customToolsInSystem,
        });

  const segments: PromptSegment[] = [];
  const appendMessage = (role: string, ...body: PromptSegment[]) =>
    appendSegments(segments, special(messageHeader(role)), ...body, special(SpecialTokens.endOfTurn));

  if (!(input.omitDefaultSystem && systemPrompt === null && !hasTools)) appendMessage("system", system);
  if (!customToolsInSystem && tools.custom.length > 0) {
    const instructions =
      format === "json" ? jsonToolInstructions(tools.custom) : functionTagToolInstructions(tools.custom);
    appendMessage("user", instructions);
  }
  for (const message of input.messages) {
    if (isSystem(message)) continue;
    if (message.role === "assistant" && message.tool_calls && message.tool_calls.length > 0) {
      // End of message, not of turn: the model called tools and expects their results.
      appendSegments(
        segments,
        special(messageHeader("assistant")),
        messageText(message.content),
        ...encodeToolCalls(message.tool_calls, format),
        special(SpecialTokens.endOfMessage),
      );
    } else {
      appendMessage(message.role, messageText(message.content));
    }
  }
  const schemaPrompt = responseFormatPrompt(input.responseFormat);
  if (schemaPrompt) appendMessage("user", schemaPrompt);
  appendSegments(segments, special(messageHeader("assistant")));
  return segments;
}
