import type { SafetyViolation } from "@llama-stack-ts/api";

export const SHIELD_ERROR_USER_MESSAGE = "The safety check could not run, so the request was blocked.";

/** The verdict of a shield that failed with `on_error: block`: fail closed, and say why in metadata. */
export function shieldErrorViolation(error: unknown): SafetyViolation {
  return {
    violation_level: "error",
    user_message: SHIELD_ERROR_USER_MESSAGE,
    metadata: { shield_error: errorMessage(error), on_error: "block" },
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
