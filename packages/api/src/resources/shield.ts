import { z } from "zod";

export const ShieldSchema = z
  .object({
    identifier: z.string(),
    provider_id: z.string(),
    provider_resource_id: z.string().optional(),
    params: z.record(z.string(), z.unknown()).nullable().optional(),
    type: z.literal("shield"),
  })
  .meta({ id: "Shield" });
export type Shield = z.infer<typeof ShieldSchema>;
