import { z } from "zod";

/** A vector store as the routing table knows it (which provider holds it, which model embeds it). */
export const VectorStoreResourceSchema = z
  .object({
    identifier: z.string(),
    provider_id: z.string(),
    provider_resource_id: z.string().optional(),
    embedding_model: z.string(),
    embedding_dimension: z.number().int().positive(),
    vector_store_name: z.string().optional(),
    type: z.literal("vector_store"),
  })
  .meta({ id: "VectorStoreResource" });
export type VectorStoreResource = z.infer<typeof VectorStoreResourceSchema>;
