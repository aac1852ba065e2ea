/** A tool call decoded from model output. */
export interface ParsedToolCall {
  name: string;
  arguments: Record<string, unknown>;
}
