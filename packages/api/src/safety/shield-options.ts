import { z } from "zod";

/** Where an agent consults a shield: user input, model output, or tool results fed back to it. */
export const ShieldTouchpointSchema = z.enum(["input", "output", "tool_results"]);
export type ShieldTouchpoint = z.infer<typeof ShieldTouchpointSchema>;

/**
 * Options every shield accepts, in its provider config and per shield in `params`:
 * what happens when the shield itself fails (`block` = fail closed, `allow` = fail open),
 * and which touchpoints it guards.
 */
export const ShieldOptionsSchema = z.object({
  on_error: z.enum(["block", "allow"]).default("block"),
  touchpoints: z.array(ShieldTouchpointSchema).min(1).default(["input", "output"]),
});
export type ShieldOptions = z.infer<typeof ShieldOptionsSchema>;
