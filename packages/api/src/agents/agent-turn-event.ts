import { z } from "zod";
import { AgentStepSchema } from "./agent-step.ts";
import { TurnSchema } from "./agent-turn.ts";

const StepTypeSchema = z.enum(["inference", "tool_execution", "shield_call", "memory_retrieval"]);
const stepEvent = { step_id: z.string(), step_type: StepTypeSchema };

/** What a streamed turn says, in order: turn_start, steps, then turn_complete or turn_awaiting_input. */
export const TurnEventPayloadSchema = z
  .discriminatedUnion("event_type", [
    z.object({ event_type: z.literal("turn_start"), turn_id: z.string() }),
    z.object({
      event_type: z.literal("step_start"),
      ...stepEvent,
      metadata: z.record(z.string(), z.unknown()).optional(),
    }),
    z.object({
      event_type: z.literal("step_progress"),
      ...stepEvent,
      delta: z.union([
        z.object({ type: z.literal("text"), text: z.string() }),
        z.object({
          type: z.literal("tool_call"),
          tool_call: z.unknown(),
          parse_status: z.enum(["started", "in_progress", "failed", "succeeded"]),
        }),
      ]),
    }),
    z.object({ event_type: z.literal("step_complete"), ...stepEvent, step_details: AgentStepSchema }),
    z.object({ event_type: z.literal("turn_complete"), turn: TurnSchema }),
    z.object({ event_type: z.literal("turn_awaiting_input"), turn: TurnSchema }),
  ])
  .meta({ id: "TurnEventPayload" });
export type TurnEventPayload = z.infer<typeof TurnEventPayloadSchema>;

/** One Server-Sent Event of a streamed turn: `{event: {payload}}`, as upstream frames it. */
export const TurnStreamChunkSchema = z
  .object({ event: z.object({ payload: TurnEventPayloadSchema }) })
  .meta({ id: "TurnStreamChunk" });
export type TurnStreamChunk = z.infer<typeof TurnStreamChunkSchema>;
