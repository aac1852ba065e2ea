import type { Shield } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { pickModerationShield } from "./pick-moderation-shield.ts";

const shield = (identifier: string, provider_resource_id?: string): Shield => ({
  identifier,
  provider_id: "p",
  ...(provider_resource_id ? { provider_resource_id } : {}),
  type: "shield",
});
const SHIELDS = [shield("llama-guard", "llama-cpp/Llama-Guard-3-1B"), shield("code-scanner", "code-scanner")];

describe("pickModerationShield", () => {
  it("matches model against provider_resource_id first, then a shield identifier", () => {
    expect(pickModerationShield(SHIELDS, "llama-cpp/Llama-Guard-3-1B", null).identifier).toBe("llama-guard");
    expect(pickModerationShield(SHIELDS, "llama-guard", null).identifier).toBe("llama-guard");
    const clash = [shield("a", "b"), shield("b", "x")];
    expect(pickModerationShield(clash, "b", null).identifier).toBe("a");
  });

  it("uses the default shield without a model", () => {
    expect(pickModerationShield(SHIELDS, undefined, "code-scanner").identifier).toBe("code-scanner");
  });

  it("names the choices when nothing matches, and refuses an ambiguous model", () => {
    expect(() => pickModerationShield(SHIELDS, "gpt-4o", null)).toThrow(
      "No shield serves moderation model 'gpt-4o'. Choose from: llama-cpp/Llama-Guard-3-1B, code-scanner.",
    );
    expect(() => pickModerationShield(SHIELDS, null, null)).toThrow("no safety.default_shield_id configured");
    expect(() => pickModerationShield(SHIELDS, null, "ghost")).toThrow(
      "The default moderation shield 'ghost' (safety.default_shield_id) is not registered",
    );
    expect(() => pickModerationShield([shield("a", "m"), shield("b", "m")], "m", null)).toThrow(
      "Model 'm' is served by several shields (a, b)",
    );
  });
});
