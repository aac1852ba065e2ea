import { z } from "zod";

export const scanOptionsSchema = z.object({
  /** Report findings at or above this severity (default `warning`: everything). */
  minSeverity: z.enum(["warning", "error"]).optional(),
  /** Rule ids to skip; `family.*` (e.g. `secret.*`) skips a whole family. */
  disabledRules: z.array(z.string()).optional(),
});

export type ScanOptions = z.infer<typeof scanOptionsSchema>;
