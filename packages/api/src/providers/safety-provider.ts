import type { ChatMessage } from "../inference/chat-messages.ts";
import type { ModerationResult } from "../safety/moderation.ts";
import type { SafetyViolation } from "../safety/safety-violation.ts";
import type { ShieldCall } from "../safety/shield-definition.ts";
import type { ShieldOptions } from "../safety/shield-options.ts";
import type { ProviderInstance } from "./provider-module.ts";

/**
 * The safety API as the router sees a provider (core's `defineShield` builds one from a
 * `ShieldDefinition`). A verdict is data: `null` means the messages passed; a thrown error means
 * the shield itself failed, and the router applies the shield's `on_error`.
 */
export interface SafetyProvider extends ProviderInstance {
  runShield(messages: ChatMessage[], call: ShieldCall): Promise<SafetyViolation | null>;
  /** Absent: moderations through this provider answer 501. */
  moderate?(inputs: string[], call: ShieldCall): Promise<ModerationResult[]>;
  /** Provider-level defaults of the common options; a shield's `params` override them. */
  shieldOptions?: ShieldOptions;
}
