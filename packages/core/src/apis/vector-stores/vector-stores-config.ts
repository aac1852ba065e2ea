import { z } from "zod";
import { RewriteQueryParamsSchema } from "./rewrite-query.ts";

/** The run config's `vector_stores` section, as far as the vector-stores router reads it. */
export const VectorStoresConfigSchema = z.looseObject({
  default_embedding_model: z.object({ provider_id: z.string(), model_id: z.string() }).nullish(),
  default_provider_id: z.string().nullish(),
  rewrite_query_params: RewriteQueryParamsSchema.nullish(),
});
export type VectorStoresConfig = z.infer<typeof VectorStoresConfigSchema>;
