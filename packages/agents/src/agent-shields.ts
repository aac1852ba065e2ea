import type {
  ApiCall,
  ChatMessage,
  ResponseOutputItem,
  SafetyApi,
  SafetyViolation,
} from "@llama-stack-ts/api";

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

/**
 * The refusal a shield put in a response's output (the loop writes no other refusal parts): an
 * output shield stopped the answer, or null.
 */
export function outputRefusal(output: readonly ResponseOutputItem[]): string | null {
  for (const item of output) {
    if (item.type !== "message" || !Array.isArray(item.content)) continue;
    for (const part of item.content as { type?: string; refusal?: unknown }[]) {
      if (part.type === "refusal" && typeof part.refusal === "string") return part.refusal;
    }
  }
  return null;
}
