import type { ApiCall, ResponseOutputItem, SafetyApi } from "@llama-stack-ts/api";
import { firstViolation } from "./first-violation.ts";
import { itemText } from "./item-text.ts";
import { refusalMessage, refusalText } from "./output-items.ts";

export const OUTPUT_REFUSAL = "I can't share that answer: it was blocked by a safety shield.";

/**
 * The shields guarding `output` judge the response's text before the client sees it; on a
 * violation its text messages give way to one refusal (tool call items stay: they ran).
 */
export async function guardOutput(
  safety: SafetyApi | undefined,
  output: ResponseOutputItem[],
  call: ApiCall,
): Promise<ResponseOutputItem[]> {
  const texts = output.filter((item) => item.type === "message").map((item) => itemText(item.content));
  const messages = texts
    .filter((text) => text !== "")
    .map((content) => ({ role: "assistant" as const, content }));
  const violation = await firstViolation(safety, "output", messages, call);
  if (!violation) return output;
  return [
    ...output.filter((item) => item.type !== "message"),
    refusalMessage(refusalText(violation, OUTPUT_REFUSAL)),
  ];
}
