import { z } from "zod";

/** `POST /v1/toolgroups`. */
export const RegisterToolGroupRequestSchema = z.object({
  toolgroup_id: z.string().min(1),
  provider_id: z.string().min(1),
  args: z.record(z.string(), z.unknown()).nullable().optional(),
  mcp_endpoint: z.object({ uri: z.url() }).nullable().optional(),
});
export type RegisterToolGroupRequest = z.input<typeof RegisterToolGroupRequestSchema>;
