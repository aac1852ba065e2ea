import { z } from "zod";

export const SafetyViolationSchema = z
  .object({
    violation_level: z.enum(["info", "warn", "error"]),
    user_message: z.string().nullish(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "SafetyViolation" });
/** A shield's finding; a verdict is data (`null` = passed), never an exception. */
export type SafetyViolation = z.infer<typeof SafetyViolationSchema>;
