import {
  type ApiCall,
  type CallOptions,
  type ChatMessage,
  type Logger,
  type ModerationRequest,
  type ModerationResponse,
  NotImplementedError,
  newId,
  type RunShieldResponse,
  type SafetyApi,
  type SafetyProvider,
  type Shield,
  type ShieldCall,
  type ShieldOptions,
  type ShieldTouchpoint,
  StackError,
} from "@llama-stack-ts/api";
import { effectiveShieldOptions } from "./effective-shield-options.ts";
import { pickModerationShield } from "./pick-moderation-shield.ts";
import { shieldErrorModeration } from "./shield-error-moderation.ts";
import { shieldErrorViolation } from "./shield-error-violation.ts";
import type { ShieldsRouter } from "./shields-router.ts";

export interface SafetyRouterOptions {
  logger: Logger;
  /** `safety.default_shield_id`: answers moderations that name no model. */
  defaultShieldId?: string | null | undefined;
}

/** How often shields failed and what was done about it, since start-up. */
export interface ShieldErrorCounts {
  /** Failed closed (`on_error: block`): the caller got a violation / a flagged result. */
  blocked: number;
  /** Failed open (`on_error: allow`): the caller got no violation / an unflagged result. */
  allowed: number;
}

// A shield that rejects its input reports the caller's mistake, not its own failure; a shield
// that cannot do moderations says so. Neither is turned into a verdict.
const PASSED_THROUGH_KINDS = new Set(["invalid_request", "not_implemented"]);

/**
 * Safety for every caller (routes, agents): resolve the shield (owner-scoped), call its provider,
 * and when the shield itself fails apply its `on_error` — `block` fails closed with a violation,
 * `allow` fails open — instead of failing the request.
 */
/**
 * How long one caller's shield list is reused by `shieldsFor` (every response and tool result asks
 * it). A registration on this process is seen at once; one on another replica within this time.
 */
const SHIELD_LIST_TTL_MS = 1_000;

export class SafetyRouter implements SafetyApi {
  readonly shieldErrors: ShieldErrorCounts = { blocked: 0, allowed: 0 };
  private readonly logger: Logger;
  private readonly listed = new Map<string, { shields: Shield[]; generation: number; expires: number }>();

  constructor(
    private readonly shields: ShieldsRouter,
    private readonly options: SafetyRouterOptions,
  ) {
    this.logger = options.logger;
  }

  /** `POST /v1/safety/run-shield`: `{violation: null}` when the messages pass. */
  async runShield(
    request: { shield_id: string; messages: ChatMessage[] },
    call: ApiCall,
  ): Promise<RunShieldResponse> {
    const shield = await this.shields.get(request.shield_id, call);
    const provider = this.shields.provider(shield);
    try {
      return { violation: await provider.runShield(request.messages, this.shieldCall(shield, call)) };
    } catch (error) {
      const onError = this.onShieldError(error, shield, provider, call, "run-shield");
      return { violation: onError === "block" ? shieldErrorViolation(error) : null };
    }
  }

  /** `POST /v1/moderations`: `model` picks the shield (see `pickModerationShield`). */
  async moderate(request: ModerationRequest, call: ApiCall): Promise<ModerationResponse> {
    const shield = pickModerationShield(
      await this.shields.list(call),
      request.model,
      this.options.defaultShieldId,
    );
    const provider = this.shields.provider(shield);
    if (typeof provider.moderate !== "function") {
      throw new NotImplementedError(
        `Shield '${shield.identifier}' (safety provider '${shield.provider_id}') does not support moderations; use POST /v1/safety/run-shield.`,
      );
    }
    const inputs = typeof request.input === "string" ? [request.input] : request.input;
    const model = request.model ?? shield.provider_resource_id ?? shield.identifier;
    let results: ModerationResponse["results"];
    try {
      results = await provider.moderate(inputs, this.shieldCall(shield, call));
    } catch (error) {
      results = shieldErrorModeration(
        inputs,
        error,
        this.onShieldError(error, shield, provider, call, "moderation"),
      );
    }
    return { id: newId("moderation"), model, results };
  }

  /** The options in force for one shield: its provider's config overridden by its `params`. */
  async optionsOf(shieldId: string, call: ApiCall): Promise<ShieldOptions> {
    const shield = await this.shields.get(shieldId, call);
    return effectiveShieldOptions(this.shields.provider(shield), shield);
  }

  /** Where an agent should consult this shield (input, output, tool results). */
  async touchpointsOf(shieldId: string, call: ApiCall): Promise<ShieldTouchpoint[]> {
    return (await this.optionsOf(shieldId, call)).touchpoints;
  }

  /** The shields this caller can see that guard a touchpoint; shields of unconfigured providers are skipped. */
  async shieldsFor(touchpoint: ShieldTouchpoint, call: ApiCall): Promise<Shield[]> {
    if (!this.shields.hasProviders()) return [];
    const all = await this.visibleShields(call);
    return all.filter((shield) => {
      const provider = this.providerOf(shield);
      return (
        provider !== undefined && effectiveShieldOptions(provider, shield).touchpoints.includes(touchpoint)
      );
    });
  }

  /** The caller's shields, from a list at most {@link SHIELD_LIST_TTL_MS} old. */
  private async visibleShields(call: ApiCall): Promise<Shield[]> {
    const key = call.access.enforced ? `p:${call.access.principal ?? ""}` : "anyone";
    const cached = this.listed.get(key);
    const generation = this.shields.generation;
    if (cached && cached.generation === generation && cached.expires > Date.now()) return cached.shields;
    const shields = await this.shields.list(call);
    if (this.listed.size > 1_000) this.listed.clear();
    this.listed.set(key, { shields, generation, expires: Date.now() + SHIELD_LIST_TTL_MS });
    return shields;
  }

  private providerOf(shield: Shield): SafetyProvider | undefined {
    try {
      return this.shields.provider(shield);
    } catch {
      return undefined;
    }
  }

  private shieldCall(shield: Shield, call: ApiCall): ShieldCall {
    const options: CallOptions = {
      ...(call.signal ? { signal: call.signal } : {}),
      principal: call.access.principal,
      ...(call.providerData ? { providerData: call.providerData } : {}),
    };
    return {
      ...options,
      shieldId: shield.identifier,
      providerShieldId: shield.provider_resource_id ?? shield.identifier,
      params: shield.params ?? {},
    };
  }

  /**
   * Rethrows what is not the shield's own failure (bad input, no moderation support, a caller
   * that went away); otherwise logs, counts, and returns the shield's `on_error`.
   */
  private onShieldError(
    error: unknown,
    shield: Shield,
    provider: SafetyProvider,
    call: ApiCall,
    operation: "run-shield" | "moderation",
  ): ShieldOptions["on_error"] {
    if (StackError.isInstance(error) && PASSED_THROUGH_KINDS.has(error.kind)) throw error;
    if (call.signal?.aborted) throw error;
    const onError = effectiveShieldOptions(provider, shield).on_error;
    this.shieldErrors[onError === "block" ? "blocked" : "allowed"] += 1;
    this.logger.warn(
      onError === "block" ? "shield failed; request blocked" : "shield failed; request allowed",
      { shield: shield.identifier, provider: shield.provider_id, operation, on_error: onError, error },
    );
    return onError;
  }
}
