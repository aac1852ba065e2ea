import { InvalidRequestError, type Shield } from "@llama-stack-ts/api";

/**
 * The shield that answers `POST /v1/moderations`. As upstream, `model` names a shield's
 * `provider_resource_id` (e.g. the Llama Guard model); a shield identifier is accepted too.
 * Without `model`, `safety.default_shield_id` from the run config is used.
 */
export function pickModerationShield(
  shields: readonly Shield[],
  model: string | null | undefined,
  defaultShieldId: string | null | undefined,
): Shield {
  const choices = () =>
    [...new Set(shields.map((s) => s.provider_resource_id ?? s.identifier))].join(", ") || "none registered";
  if (model) {
    const byResource = shields.filter((s) => s.provider_resource_id === model);
    if (byResource.length > 1) {
      throw new InvalidRequestError(
        `Model '${model}' is served by several shields (${byResource.map((s) => s.identifier).join(", ")}); pass a shield identifier as model instead.`,
        { param: "model" },
      );
    }
    const shield = byResource[0] ?? shields.find((s) => s.identifier === model);
    if (!shield) {
      throw new InvalidRequestError(
        `No shield serves moderation model '${model}'. Choose from: ${choices()}.`,
        {
          param: "model",
          code: "model_not_found",
        },
      );
    }
    return shield;
  }
  if (!defaultShieldId) {
    throw new InvalidRequestError(
      `No moderation model given and no safety.default_shield_id configured; pass model, one of: ${choices()}.`,
      { param: "model" },
    );
  }
  const shield = shields.find((s) => s.identifier === defaultShieldId);
  if (!shield) {
    throw new InvalidRequestError(
      `The default moderation shield '${defaultShieldId}' (safety.default_shield_id) is not registered; pass model, one of: ${choices()}.`,
      { param: "model" },
    );
  }
  return shield;
}
