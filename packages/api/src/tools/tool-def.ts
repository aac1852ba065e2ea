import { z } from "zod";

/** One tool as the model and clients see it: its name and a JSON Schema for its arguments. */
export const ToolDefSchema = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    input_schema: z.record(z.string(), z.unknown()).optional(),
    output_schema: z.record(z.string(), z.unknown()).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    toolgroup_id: z.string().optional(),
  })
  .meta({ id: "ToolDef" });
export type ToolDef = z.infer<typeof ToolDefSchema>;

export const ListToolDefsResponseSchema = z.object({ data: z.array(ToolDefSchema) });
