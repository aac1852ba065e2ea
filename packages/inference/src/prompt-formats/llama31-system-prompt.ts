import { environmentBlock } from "./environment-block.ts";
import { formatTodayDate } from "./format-today-date.ts";
import type { SplitTools } from "./split-tools.ts";

export interface Llama31SystemPromptOptions {
  tools: SplitTools;
  now: Date;
  systemPrompt: string | null;
  toolChoiceLine: string | null;
  /** Only for the non-default python_list format on 3.1: the function list, placed after the dates. */
  pythonListPrompt?: string | null;
}

/** The Llama 3.1 system message as llama-stack's server assembles it (always present, dated). */
export function llama31SystemPrompt(options: Llama31SystemPromptOptions): string {
  const { tools } = options;
  let text = "";
  if (tools.builtin.length > 0 || tools.codeInterpreter || tools.custom.length > 0) {
    text += `${environmentBlock(tools)}\n`;
  }
  text += `Cutting Knowledge Date: December 2023\nToday Date: ${formatTodayDate(options.now)}`;
  if (options.pythonListPrompt) text += `\n${options.pythonListPrompt}`;
  if (options.systemPrompt) text += `\n${options.systemPrompt}`;
  if (options.toolChoiceLine) text += `\n${options.toolChoiceLine}`;
  return text;
}
