export { type FormatLlamaChatInput, formatLlamaChat } from "./format-llama-chat.ts";
export { detectLlamaFamily, isLlamaGuardModel, type LlamaFamily } from "./llama-family.ts";
export {
  type ParsedLlamaOutput,
  type ParseLlamaOutputOptions,
  parseLlamaOutput,
} from "./parse-llama-output.ts";
export type { ParsedToolCall } from "./parsed-tool-call.ts";
export type { PromptSegment } from "./prompt-segment.ts";
export { toGrammarSchema } from "./to-grammar-schema.ts";
export { toolCallJsonSchema } from "./tool-call-json-schema.ts";
export { toolCallPrefixState } from "./tool-call-prefix-state.ts";
export { defaultToolPromptFormat, type ToolPromptFormat } from "./tool-prompt-format.ts";
