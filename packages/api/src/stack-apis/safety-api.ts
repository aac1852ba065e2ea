import type { ChatMessage } from "../inference/chat-messages.ts";
import type { Shield } from "../resources/shield.ts";
import type { ModerationRequest, ModerationResponse } from "../safety/moderation.ts";
import type { RegisterShieldRequest } from "../safety/register-shield.ts";
import type { RunShieldResponse } from "../safety/run-shield.ts";
import type { ShieldOptions, ShieldTouchpoint } from "../safety/shield-options.ts";
import type { ApiCall } from "./api-call.ts";

/**
 * Run-shield and moderations for every caller (`context.api("safety")`); when a shield itself
 * fails its `on_error` decides, so a verdict is always data.
 */
export interface SafetyApi {
  runShield(
    request: { shield_id: string; messages: ChatMessage[] },
    call: ApiCall,
  ): Promise<RunShieldResponse>;
  moderate(request: ModerationRequest, call: ApiCall): Promise<ModerationResponse>;
  /** The options in force for one shield: its provider's config overridden by its `params`. */
  optionsOf(shieldId: string, call: ApiCall): Promise<ShieldOptions>;
  /** Where an agent should consult this shield (input, output, tool results). */
  touchpointsOf(shieldId: string, call: ApiCall): Promise<ShieldTouchpoint[]>;
  /** The shields this caller can see that guard a touchpoint. */
  shieldsFor(touchpoint: ShieldTouchpoint, call: ApiCall): Promise<Shield[]>;
}

/** Registered shields (`/v1/shields`, `context.api("shields")`); owner-scoped. */
export interface ShieldsApi {
  list(call: ApiCall): Promise<Shield[]>;
  get(identifier: string, call: ApiCall): Promise<Shield>;
  register(request: RegisterShieldRequest, call: ApiCall): Promise<Shield>;
  unregister(identifier: string, call: ApiCall): Promise<void>;
}
