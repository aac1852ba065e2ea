export { checkGrammarSchema } from "./check-grammar-schema.ts";
export { type FormatLlamaChatInput, formatLlamaChat } from "./format-llama-chat.ts";
export {
  GRAMMAR_MAX_MAXIMUM,
  GRAMMAR_MAX_MINIMUM,
  GRAMMAR_SCHEMA_MAX_DEPTH,
  GRAMMAR_SCHEMA_MAX_REPETITIONS,
  GRAMMAR_SCHEMA_MAX_SUBSCHEMAS,
} from "./grammar-schema-limits.ts";
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
