import { environmentBlock } from "./environment-block.ts";
import { pythonListSystemPrompt } from "./python-list-tool-instructions.ts";
import type { SplitTools } from "./split-tools.ts";

export interface Llama32SystemPromptOptions {
  tools: SplitTools;
  systemPrompt: string | null;
  toolChoiceLine: string | null;
  /** `replace` makes the user's system prompt the python_list template. */
  systemMessageBehavior: "append" | "replace";
  /** False when custom tools are described in a separate user message (json / function_tag formats). */
  customToolsInSystem: boolean;
}

/** The Llama 3.2 text / 3.3 system message as llama-stack assembles it: no date lines. */
export function llama32SystemPrompt(options: Llama32SystemPromptOptions): string {
  const { tools, systemPrompt } = options;
  const listsCustomTools = options.customToolsInSystem && tools.custom.length > 0;
  const replace = options.systemMessageBehavior === "replace";
  let text = "";
  if (tools.builtin.length > 0 || tools.codeInterpreter) text += `${environmentBlock(tools)}\n`;
  if (listsCustomTools) {
    text += `${pythonListSystemPrompt(tools.custom, replace ? systemPrompt || undefined : undefined)}\n`;
  }
  if (systemPrompt && (!replace || !listsCustomTools)) text += systemPrompt;
  if (options.toolChoiceLine) text += `\n${options.toolChoiceLine}`;
  return text.replace(/^\n+|\n+$/g, "");
}
