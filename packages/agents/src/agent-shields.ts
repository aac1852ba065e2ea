import type { ApiCall, ChatMessage, SafetyApi, SafetyViolation } from "@llama-stack-ts/api";

/**
 * An agent's own shields (`input_shields` / `output_shields`) judge `messages`; the first
 * error-level violation, or null. A warning is not a refusal, as upstream.
 */
export async function agentShieldViolation(
  safety: () => SafetyApi,
  shieldIds: readonly string[] | null | undefined,
  messages: ChatMessage[],
  call: ApiCall,
): Promise<SafetyViolation | null> {
  if (!shieldIds?.length || messages.length === 0) return null;
  for (const shieldId of shieldIds) {
    const { violation } = await safety().runShield({ shield_id: shieldId, messages }, call);
    if (violation?.violation_level === "error") return violation;
  }
  return null;
}

/** What an agent says when a shield stops it and the shield gave no message. */
export const AGENT_SHIELD_REFUSAL = "I can't help with that: a safety shield blocked it.";
