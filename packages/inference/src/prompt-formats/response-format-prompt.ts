import type { ResponseFormat } from "@llama-stack-ts/api";
import { pythonJson } from "./python-json.ts";

/**
 * The user message llama-stack appends for `json_schema` response formats. `json_object` adds
 * nothing: OpenAI already requires the messages to ask for JSON, and the engine's grammar enforces it.
 */
export function responseFormatPrompt(format: ResponseFormat | null | undefined): string | null {
  if (format?.type !== "json_schema" || !format.json_schema.schema) return null;
  return `Please respond in JSON format with the schema: ${pythonJson(format.json_schema.schema)}`;
}
