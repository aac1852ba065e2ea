import type { ApiCall, ChatMessage, SafetyApi, SafetyViolation } from "@llama-stack-ts/api";

/**
 * The shields guarding `input` judge the new input's messages before any inference; the first
 * violation (a verdict is data) ends the response. Null when every shield passes or none guards.
 */
export async function guardInput(
  safety: SafetyApi | undefined,
  messages: ChatMessage[],
  call: ApiCall,
): Promise<SafetyViolation | null> {
  if (!safety || messages.length === 0) return null;
  const shields = await safety.shieldsFor("input", call);
  for (const shield of shields) {
    const { violation } = await safety.runShield({ shield_id: shield.identifier, messages }, call);
    if (violation && violation.violation_level === "error") return violation;
  }
  return null;
}
