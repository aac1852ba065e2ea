import type { z } from "zod";
import type { ChatMessage } from "../inference/chat-messages.ts";
import type { CallOptions } from "../providers/call-options.ts";
import type { ProviderContext, ProviderInstance } from "../providers/provider-module.ts";
import type { ModerationResult } from "./moderation.ts";
import type { SafetyViolation } from "./safety-violation.ts";

/** One shield call: which registered shield, the model or rule set it names, its params. */
export interface ShieldCall extends CallOptions {
  shieldId: string;
  /** The shield's `provider_resource_id` (e.g. the Llama Guard model id). */
  providerShieldId: string;
  params: Record<string, unknown>;
}

/** A running shield: judge messages; optionally answer OpenAI moderations (one result per input). */
export interface ShieldInstance extends ProviderInstance {
  run(messages: ChatMessage[], call: ShieldCall): Promise<SafetyViolation | null>;
  moderate?(inputs: string[], call: ShieldCall): Promise<ModerationResult[]>;
}

/**
 * A shield plug-in: built-in shields and users' own are written this way and turned into a
 * safety provider module by core's `defineShield`, which adds the common `ShieldOptions`.
 */
export interface ShieldDefinition<Config = unknown> {
  /** Provider type, e.g. `inline::llama-guard`. */
  type: string;
  description: string;
  configSchema: z.ZodType<Config>;
  secretKeys?: readonly string[];
  create(context: ProviderContext<Config>): Promise<ShieldInstance> | ShieldInstance;
}
