import { messageText } from "@llama-stack-ts/provider-kit";
import type { CodeSnippet } from "./code-snippet.ts";
import { findFencedBlocks } from "./find-fenced-blocks.ts";
import { isRecord } from "./is-record.ts";
import { guessLanguage, languageFromInfoString } from "./language.ts";
import { looksLikeCode } from "./looks-like-code.ts";
import { toolCallCode } from "./tool-call-code.ts";

const PYTHON_TAG = "<|python_tag|>";
const END_TOKENS = /<\|(?:eom_id|eot_id|end_of_text)\|>/;

function contentSnippets(text: string, messageIndex: number): CodeSnippet[] {
  const snippets: CodeSnippet[] = [];
  let prose = text;
  const tag = text.indexOf(PYTHON_TAG);
  if (tag >= 0) {
    prose = text.slice(0, tag);
    const raw = text.slice(tag + PYTHON_TAG.length);
    const end = END_TOKENS.exec(raw);
    const code = (end ? raw.slice(0, end.index) : raw).trim();
    if (code !== "") snippets.push({ language: "python", code, source: { messageIndex, kind: "tool_call" } });
  }
  const fenced = findFencedBlocks(prose).filter((block) => block.code.trim() !== "");
  for (const block of fenced) {
    const language = block.info === "" ? guessLanguage(block.code) : languageFromInfoString(block.info);
    snippets.push({ language, code: block.code, source: { messageIndex, kind: "fenced" } });
  }
  if (tag < 0 && fenced.length === 0) {
    const language = looksLikeCode(text);
    if (language) snippets.push({ language, code: text.trim(), source: { messageIndex, kind: "inline" } });
  }
  return snippets;
}

function toolCallSnippets(message: Record<string, unknown>, messageIndex: number): CodeSnippet[] {
  const calls: unknown[] = Array.isArray(message.tool_calls) ? [...message.tool_calls] : [];
  if (isRecord(message.function_call)) calls.push({ function: message.function_call });
  const snippets: CodeSnippet[] = [];
  for (const call of calls) {
    if (!isRecord(call)) continue;
    const fn = isRecord(call.function) ? call.function : call;
    const name = typeof fn.name === "string" ? fn.name : typeof fn.tool_name === "string" ? fn.tool_name : "";
    for (const { language, code } of toolCallCode(name, fn.arguments)) {
      snippets.push({ language, code, source: { messageIndex, kind: "tool_call" } });
    }
  }
  return snippets;
}

/**
 * The code in a list of OpenAI-style chat messages (read defensively; anything unexpected is skipped),
 * message by message: Llama `<|python_tag|>` code, then fenced blocks in the order they appear, then
 * tool-call arguments. A message with neither fences nor a python tag whose whole text reads as code is
 * returned as one `inline` snippet. A fence without an info string gets `guessLanguage`; an info
 * string we do not know gives `unknown`.
 */
export function extractCode(messages: readonly unknown[]): CodeSnippet[] {
  return messages.flatMap((message, messageIndex) =>
    isRecord(message)
      ? [
          ...contentSnippets(messageText(message.content, { separator: "\n" }), messageIndex),
          ...toolCallSnippets(message, messageIndex),
        ]
      : [],
  );
}
