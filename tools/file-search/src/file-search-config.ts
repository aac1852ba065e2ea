import { VECTOR_SEARCH_DEFAULTS } from "@llama-stack-ts/api";
import { z } from "zod";

export const FileSearchConfigSchema = z.strictObject({
  /** Results per call when the call does not say (the vector-stores search default, 10). */
  max_num_results: z.number().int().min(1).max(50).default(VECTOR_SEARCH_DEFAULTS.maxNumResults),
});
export type FileSearchConfig = z.infer<typeof FileSearchConfigSchema>;
