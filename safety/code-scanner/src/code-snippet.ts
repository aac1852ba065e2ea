import type { Language } from "./language.ts";

/**
 * Where a snippet came from: a markdown fence, a tool call (function arguments, or Llama's
 * `<|python_tag|>` raw code), or a whole message that looks like code.
 */
export type SnippetKind = "fenced" | "tool_call" | "inline";

export interface SnippetSource {
  messageIndex: number;
  kind: SnippetKind;
}

export interface CodeSnippet {
  language: Language;
  code: string;
  source: SnippetSource;
}
