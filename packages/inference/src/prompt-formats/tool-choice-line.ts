import type { ToolChoice } from "@llama-stack-ts/api";

/** The system-prompt sentence llama-stack adds for `required` and named tool choices. */
export function toolChoiceLine(toolChoice: ToolChoice | null | undefined): string | null {
  if (toolChoice === "required")
    return "You MUST use one of the provided functions/tools to answer the user query.";
  if (toolChoice && typeof toolChoice === "object") {
    return `You MUST use the tool \`${toolChoice.function.name}\` to answer the user query.`;
  }
  return null;
}
