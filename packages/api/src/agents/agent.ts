import { z } from "zod";
import { AgentConfigSchema } from "./agent-config.ts";

/** A stored agent (`GET /v1/agents/{agent_id}`). */
export const AgentSchema = z
  .object({
    agent_id: z.string(),
    agent_config: AgentConfigSchema,
    created_at: z.string().describe("ISO 8601."),
  })
  .meta({ id: "Agent" });
export type Agent = z.infer<typeof AgentSchema>;

/** `POST /v1/agents`. */
export const AgentCreateRequestSchema = z
  .object({ agent_config: AgentConfigSchema })
  .meta({ id: "AgentCreateRequest" });
export type AgentCreateRequest = z.infer<typeof AgentCreateRequestSchema>;

export const AgentCreateResponseSchema = z
  .object({ agent_id: z.string() })
  .meta({ id: "AgentCreateResponse" });
export type AgentCreateResponse = z.infer<typeof AgentCreateResponseSchema>;

/** Legacy paging of agents and sessions: an offset and a page size. */
export const AgentPageQuerySchema = z.object({
  start_index: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
export type AgentPageQuery = z.infer<typeof AgentPageQuerySchema>;

/** Upstream's `PaginatedResponse`. */
export const agentPageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), has_more: z.boolean(), url: z.string().nullish() });
export interface AgentPage<T> {
  data: T[];
  has_more: boolean;
}
