import { GuardInputError } from "./guard-input-error.ts";
import type { GuardTurn } from "./guard-turn.ts";

/**
 * The turns a Llama Guard shield checks, from OpenAI-style chat messages (read defensively: anything
 * not shaped like a message is a `GuardInputError` naming the field).
 *
 * Upstream `inline::llama-guard` rules, in order:
 * 1. no messages → error;
 * 2. a first message that is not `user` (e.g. a system prompt) becomes a `user` turn with the same text;
 * 3. if the first two turns are both `user`, the first is dropped (so a leading system prompt is
 *    normally not checked).
 *
 * Text: a string content as is; content parts → their `text` parts joined with "\n" (images, files
 * and audio are ignored; the text models cannot see them). Text is never trimmed or re-encoded.
 * Assistant `tool_calls` are appended after the text, one block per call (see `renderToolCall`),
 * so Llama Guard 3 8B's S14 (code interpreter abuse) can see the code a model is about to run.
 * Upstream drops tool calls entirely; a first non-user message keeps its rendered tool calls too.
 */
export function normalizeGuardMessages(messages: unknown): GuardTurn[] {
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new GuardInputError("messages must be a non-empty array of chat messages", "messages");
  }
  const turns = messages.map((message: unknown, index) => toTurn(message, index));
  const first = turns[0]!;
  if (first.role !== "user") turns[0] = { role: "user", text: first.text };
  if (turns.length >= 2 && turns[1]!.role === "user") turns.shift();
  return turns;
}

function toTurn(message: unknown, index: number): GuardTurn {
  const param = `messages[${index}]`;
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    throw new GuardInputError(`${param} must be a chat message object`, param);
  }
  const record = message as Record<string, unknown>;
  if (typeof record.role !== "string" || record.role === "") {
    throw new GuardInputError(`${param}.role must be a non-empty string`, `${param}.role`);
  }
  const role = record.role.toLowerCase();
  const pieces = [contentText(record.content, `${param}.content`)];
  if (role === "assistant" && record.tool_calls !== undefined && record.tool_calls !== null) {
    pieces.push(...toolCallsText(record.tool_calls, `${param}.tool_calls`));
  }
  return { role, text: pieces.filter((piece) => piece !== "").join("\n") };
}

function contentText(content: unknown, param: string): string {
  if (content === undefined || content === null) return "";
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) {
    throw new GuardInputError(`${param} must be a string or an array of content parts`, param);
  }
  const texts: string[] = [];
  content.forEach((part: unknown, index) => {
    if (typeof part !== "object" || part === null) {
      throw new GuardInputError(`${param}[${index}] must be a content part object`, `${param}[${index}]`);
    }
    const { type, text } = part as Record<string, unknown>;
    if (type !== "text") return;
    if (typeof text !== "string") {
      throw new GuardInputError(`${param}[${index}].text must be a string`, `${param}[${index}].text`);
    }
    texts.push(text);
  });
  return texts.join("\n");
}

function toolCallsText(toolCalls: unknown, param: string): string[] {
  if (!Array.isArray(toolCalls)) throw new GuardInputError(`${param} must be an array`, param);
  return toolCalls.map((call: unknown, index) => {
    const fn =
      typeof call === "object" && call !== null ? (call as Record<string, unknown>).function : undefined;
    if (typeof fn !== "object" || fn === null) {
      throw new GuardInputError(
        `${param}[${index}].function must be an object`,
        `${param}[${index}].function`,
      );
    }
    const { name, arguments: args } = fn as Record<string, unknown>;
    return renderToolCall(typeof name === "string" ? name : "", typeof args === "string" ? args : "");
  });
}

/**
 * A tool call as readable text:
 * ```
 * Tool call: run_python
 * code: import os
 * os.system("rm -rf /")
 * ```
 * Arguments that are a JSON object render one `key: value` per argument, string values raw (so code
 * keeps its real newlines instead of `\n` escapes), other values as JSON. Anything else (invalid JSON,
 * an array) renders as `arguments: <raw text>`.
 */
export function renderToolCall(name: string, args: string): string {
  const lines = [`Tool call: ${name}`];
  const parsed = parseJsonObject(args);
  if (parsed) {
    for (const [key, value] of Object.entries(parsed)) {
      lines.push(`${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
    }
  } else if (args.trim() !== "") {
    lines.push(`arguments: ${args}`);
  }
  return lines.join("\n");
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
