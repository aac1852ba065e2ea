import { z } from "zod";

/**
 * A value for one prompt variable (`prompt.variables` in a Responses request): text, or an
 * image or file that the template mentions as `[Image: name]` / `[File: name]`.
 */
export const PromptVariableValueSchema = z
  .union([
    z.string(),
    z.looseObject({ type: z.literal("input_text"), text: z.string() }),
    z.looseObject({ type: z.literal("input_image") }),
    z.looseObject({ type: z.literal("input_file") }),
  ])
  .meta({ id: "PromptVariableValue" });
export type PromptVariableValue = z.infer<typeof PromptVariableValueSchema>;
