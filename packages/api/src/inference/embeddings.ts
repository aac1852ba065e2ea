import { z } from "zod";

export const EmbeddingsRequestSchema = z
  .looseObject({
    model: z.string().min(1),
    input: z.union([
      z.string(),
      z.array(z.string()).min(1),
      z.array(z.number().int().nonnegative()).min(1),
      z.array(z.array(z.number().int().nonnegative()).min(1)).min(1),
    ]),
    encoding_format: z.enum(["float", "base64"]).nullish(),
    dimensions: z.number().int().positive().nullish(),
    /**
     * Llama Stack extra: embed only the first tokens an input exceeding the model's context has, as
     * sentence-transformers does, instead of answering 400. Vector-store ingestion sets it.
     */
    truncate: z.boolean().nullish(),
    user: z.string().nullish(),
  })
  .meta({ id: "EmbeddingsRequest" });
export type EmbeddingsRequest = z.infer<typeof EmbeddingsRequestSchema>;

export const EmbeddingsResponseSchema = z
  .looseObject({
    object: z.literal("list"),
    data: z.array(
      z.object({
        object: z.literal("embedding"),
        embedding: z.union([z.array(z.number()), z.string()]),
        index: z.number().int(),
      }),
    ),
    model: z.string(),
    usage: z.object({ prompt_tokens: z.number().int(), total_tokens: z.number().int() }),
  })
  .meta({ id: "EmbeddingsResponse" });
export type EmbeddingsResponse = z.infer<typeof EmbeddingsResponseSchema>;
