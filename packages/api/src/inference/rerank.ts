import { z } from "zod";

const RerankItemSchema = z.union([
  z.string(),
  z.looseObject({ type: z.literal("text"), text: z.string() }),
  z.looseObject({ type: z.literal("image_url"), image_url: z.looseObject({ url: z.string() }) }),
]);

export const RerankRequestSchema = z
  .looseObject({
    model: z.string().min(1),
    query: RerankItemSchema,
    items: z.array(RerankItemSchema).min(1),
    max_num_results: z.number().int().positive().nullish(),
  })
  .meta({ id: "RerankRequest" });
export type RerankRequest = z.infer<typeof RerankRequestSchema>;

export const RerankResultSchema = z.object({ index: z.number().int(), relevance_score: z.number() });
export type RerankResult = z.infer<typeof RerankResultSchema>;
