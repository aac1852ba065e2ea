import { z } from "zod";
import { AgentToolConfigSchema, AgentToolGroupSchema } from "./agent-config.ts";
import {
  AgentStepSchema,
  AgentToolResponseSchema,
  CompletionMessageSchema,
  InterleavedContentSchema,
} from "./agent-step.ts";

/** What a turn may be given: the user's messages, or answers to the client's tool calls. */
export const TurnInputMessageSchema = z
  .discriminatedUnion("role", [
    z.looseObject({
      role: z.literal("user"),
      content: InterleavedContentSchema,
      context: z.unknown().optional(),
    }),
    z.looseObject({
      role: z.literal("tool"),
      call_id: z.string().min(1),
      content: InterleavedContentSchema,
      tool_name: z.string().optional(),
    }),
  ])
  .meta({ id: "TurnInputMessage" });
export type TurnInputMessage = z.infer<typeof TurnInputMessageSchema>;

/** One exchange of a session: its input, the steps the agent took, and its answer. */
export const TurnSchema = z
  .looseObject({
    turn_id: z.string(),
    session_id: z.string(),
    input_messages: z.array(TurnInputMessageSchema),
    steps: z.array(AgentStepSchema),
    output_message: CompletionMessageSchema,
    output_attachments: z.array(z.looseObject({})).optional(),
    started_at: z.string(),
    completed_at: z.string().nullish(),
  })
  .meta({ id: "Turn" });
export type Turn = z.infer<typeof TurnSchema>;

/** `POST /v1/agents/{agent_id}/session/{session_id}/turn`. */
export const TurnCreateRequestSchema = z
  .looseObject({
    messages: z.array(TurnInputMessageSchema).min(1, "messages must contain at least one message"),
    stream: z.boolean().nullish(),
    documents: z
      .array(z.looseObject({ content: InterleavedContentSchema, mime_type: z.string().min(1) }))
      .nullish()
      .describe("Text documents, added to the last user message."),
    toolgroups: z.array(AgentToolGroupSchema).nullish().describe("Added to the agent's for this turn."),
    tool_config: AgentToolConfigSchema.nullish(),
  })
  .meta({ id: "TurnCreateRequest" });
export type TurnCreateRequest = z.infer<typeof TurnCreateRequestSchema>;

/** `POST …/turn/{turn_id}/resume`: the client's answers to the calls the turn waits on. */
export const TurnResumeRequestSchema = z
  .looseObject({
    tool_responses: z.array(AgentToolResponseSchema).min(1),
    stream: z.boolean().nullish(),
  })
  .meta({ id: "TurnResumeRequest" });
export type TurnResumeRequest = z.infer<typeof TurnResumeRequestSchema>;
