/** Llama 3 control tokens as they appear in prompt and output text. */
export const SpecialTokens = {
  startHeader: "<|start_header_id|>",
  endHeader: "<|end_header_id|>",
  endOfTurn: "<|eot_id|>",
  endOfMessage: "<|eom_id|>",
  endOfText: "<|end_of_text|>",
  pythonTag: "<|python_tag|>",
} as const;

/** The header opening a message; role `tool` is written as `ipython`, as Llama 3 was trained. */
export function messageHeader(role: string): string {
  const name = role === "tool" ? "ipython" : role;
  return `${SpecialTokens.startHeader}${name}${SpecialTokens.endHeader}\n\n`;
}
