import { z } from "zod";

/** Llama Stack's interleaved content: a string, a text or image item, or a list of them. */
const ContentItemSchema = z.union([z.string(), z.looseObject({ type: z.string() })]);
export const InterleavedContentSchema = z
  .union([ContentItemSchema, z.array(ContentItemSchema)])
  .meta({ id: "InterleavedContent" });
export type InterleavedContent = z.infer<typeof InterleavedContentSchema>;

/** A tool call as legacy agents report it; `arguments` is the JSON text the model wrote. */
export const AgentToolCallSchema = z
  .looseObject({ call_id: z.string(), tool_name: z.string(), arguments: z.string() })
  .meta({ id: "AgentToolCall" });
export type AgentToolCall = z.infer<typeof AgentToolCallSchema>;

/** A tool's answer to one call: the server's for its own tools, the client's through `resume`. */
export const AgentToolResponseSchema = z
  .looseObject({
    call_id: z.string().min(1),
    tool_name: z.string().min(1).optional(),
    content: InterleavedContentSchema,
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .meta({ id: "AgentToolResponse" });
export type AgentToolResponse = z.infer<typeof AgentToolResponseSchema>;

/** The assistant's message of a turn (legacy `CompletionMessage`). */
export const CompletionMessageSchema = z
  .looseObject({
    role: z.literal("assistant"),
    content: InterleavedContentSchema,
    stop_reason: z.enum(["end_of_turn", "end_of_message", "out_of_tokens"]),
    tool_calls: z.array(AgentToolCallSchema),
  })
  .meta({ id: "CompletionMessage" });
export type CompletionMessage = z.infer<typeof CompletionMessageSchema>;

const stepBase = {
  turn_id: z.string(),
  step_id: z.string(),
  started_at: z.string().nullish(),
  completed_at: z.string().nullish(),
};

export const InferenceStepSchema = z
  .looseObject({ ...stepBase, step_type: z.literal("inference"), model_response: CompletionMessageSchema })
  .meta({ id: "InferenceStep" });
export type InferenceStep = z.infer<typeof InferenceStepSchema>;

export const ToolExecutionStepSchema = z
  .looseObject({
    ...stepBase,
    step_type: z.literal("tool_execution"),
    tool_calls: z.array(AgentToolCallSchema),
    tool_responses: z.array(AgentToolResponseSchema),
  })
  .meta({ id: "ToolExecutionStep" });
export type ToolExecutionStep = z.infer<typeof ToolExecutionStepSchema>;

export const ShieldCallStepSchema = z
  .looseObject({
    ...stepBase,
    step_type: z.literal("shield_call"),
    violation: z
      .looseObject({
        violation_level: z.string(),
        user_message: z.string().nullish(),
        metadata: z.record(z.string(), z.unknown()),
      })
      .nullish(),
  })
  .meta({ id: "ShieldCallStep" });
export type ShieldCallStep = z.infer<typeof ShieldCallStepSchema>;

export const MemoryRetrievalStepSchema = z
  .looseObject({
    ...stepBase,
    step_type: z.literal("memory_retrieval"),
    vector_db_ids: z.string(),
    inserted_context: InterleavedContentSchema,
  })
  .meta({ id: "MemoryRetrievalStep" });
export type MemoryRetrievalStep = z.infer<typeof MemoryRetrievalStepSchema>;

/** One step of a turn, by `step_type`. */
export const AgentStepSchema = z
  .discriminatedUnion("step_type", [
    InferenceStepSchema,
    ToolExecutionStepSchema,
    ShieldCallStepSchema,
    MemoryRetrievalStepSchema,
  ])
  .meta({ id: "AgentStep" });
export type AgentStep = z.infer<typeof AgentStepSchema>;
export type AgentStepType = AgentStep["step_type"];

/** `GET …/turn/{turn_id}/step/{step_id}`. */
export const AgentStepResponseSchema = z.object({ step: AgentStepSchema }).meta({ id: "AgentStepResponse" });
