import type { PromptSegment } from "../prompt-segment.ts";

/** The prompt as one string, special segments inline (what the tokenizer sees, minus the distinction). */
export function renderPrompt(segments: readonly PromptSegment[]): string {
  return segments.map((segment) => (typeof segment === "string" ? segment : segment.special)).join("");
}
