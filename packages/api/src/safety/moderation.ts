import { z } from "zod";

/** `POST /v1/moderations`: `model` names a shield by its provider resource id. */
export const ModerationRequestSchema = z
  .looseObject({
    input: z.union([z.string(), z.array(z.string()).min(1, "input must not be empty")]),
    model: z.string().min(1).nullish(),
  })
  .meta({ id: "ModerationRequest" });
export type ModerationRequest = z.infer<typeof ModerationRequestSchema>;

export const ModerationResultSchema = z
  .object({
    flagged: z.boolean(),
    categories: z.record(z.string(), z.boolean()),
    category_scores: z.record(z.string(), z.number()),
    category_applied_input_types: z.record(z.string(), z.array(z.string())).optional(),
    user_message: z.string().nullish(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "ModerationResult" });
export type ModerationResult = z.infer<typeof ModerationResultSchema>;

export const ModerationResponseSchema = z
  .object({ id: z.string(), model: z.string(), results: z.array(ModerationResultSchema) })
  .meta({ id: "ModerationResponse" });
export type ModerationResponse = z.infer<typeof ModerationResponseSchema>;
