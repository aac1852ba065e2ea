import type { CallOptions } from "./call-options.ts";
import type { ProviderInstance } from "./provider-module.ts";

export interface SafetyViolation {
  violation_level: "info" | "warn" | "error";
  user_message?: string | null;
  metadata: Record<string, unknown>;
}

/** A shield verdict is data: `null` means the messages passed. */
export interface SafetyProvider extends ProviderInstance {
  runShield(
    request: { shieldId: string; providerShieldId: string; messages: Record<string, unknown>[] },
    options: CallOptions,
  ): Promise<SafetyViolation | null>;
  moderate?(
    request: { providerShieldId: string; input: string[] },
    options: CallOptions,
  ): Promise<Record<string, unknown>>;
}
