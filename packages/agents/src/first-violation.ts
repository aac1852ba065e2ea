import type { ApiCall, ChatMessage, SafetyApi, SafetyViolation, ShieldTouchpoint } from "@llama-stack-ts/api";

/**
 * The shields guarding a touchpoint judge `messages`; the first error-level violation (a verdict
 * is data) is returned. Null when every shield passes or none guards it.
 */
export async function firstViolation(
  safety: SafetyApi | undefined,
  touchpoint: ShieldTouchpoint,
  messages: ChatMessage[],
  call: ApiCall,
): Promise<SafetyViolation | null> {
  if (!safety || messages.length === 0) return null;
  const shields = await safety.shieldsFor(touchpoint, call);
  for (const shield of shields) {
    const { violation } = await safety.runShield({ shield_id: shield.identifier, messages }, call);
    if (violation && violation.violation_level === "error") return violation;
  }
  return null;
}
