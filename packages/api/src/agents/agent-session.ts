import { z } from "zod";
import { commaListSchema } from "../common/comma-list.ts";
import { TurnSchema } from "./agent-turn.ts";

/** A conversation with an agent; its id is the conversation's underneath. */
export const AgentSessionSchema = z
  .looseObject({
    session_id: z.string(),
    session_name: z.string(),
    agent_id: z.string(),
    started_at: z.string(),
    turns: z.array(TurnSchema),
  })
  .meta({ id: "AgentSession" });
export type AgentSession = z.infer<typeof AgentSessionSchema>;

export const AgentSessionCreateRequestSchema = z
  .object({ session_name: z.string().min(1).max(512) })
  .meta({ id: "AgentSessionCreateRequest" });
export type AgentSessionCreateRequest = z.infer<typeof AgentSessionCreateRequestSchema>;

export const AgentSessionCreateResponseSchema = z
  .object({ session_id: z.string() })
  .meta({ id: "AgentSessionCreateResponse" });

/** `GET …/session/{session_id}`: only these turns when given. */
export const AgentSessionQuerySchema = z.object({ turn_ids: commaListSchema(z.string().min(1)).optional() });
export type AgentSessionQuery = z.infer<typeof AgentSessionQuerySchema>;
