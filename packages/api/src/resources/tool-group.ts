import { z } from "zod";

export const ToolGroupSchema = z
  .object({
    identifier: z.string(),
    provider_id: z.string(),
    provider_resource_id: z.string().optional(),
    args: z.record(z.string(), z.unknown()).nullable().optional(),
    mcp_endpoint: z.object({ uri: z.string() }).nullable().optional(),
    type: z.literal("tool_group"),
  })
  .meta({ id: "ToolGroup" });
export type ToolGroup = z.infer<typeof ToolGroupSchema>;
