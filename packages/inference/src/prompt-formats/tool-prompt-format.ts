import type { LlamaFamily } from "./llama-family.ts";

/** How custom tools are described to the model and how it writes calls (llama-stack's names). */
export type ToolPromptFormat = "json" | "function_tag" | "python_list";

/** llama-stack's defaults: JSON calls for 3.1, Python-list calls for 3.2 text and 3.3. */
export function defaultToolPromptFormat(family: LlamaFamily): ToolPromptFormat {
  return family === "llama3_1" ? "json" : "python_list";
}
