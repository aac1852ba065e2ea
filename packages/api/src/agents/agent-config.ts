import { z } from "zod";

/** A tool group an agent may use: its id, or `{name, args}` (`builtin::rag` takes `vector_db_ids`). */
export const AgentToolGroupSchema = z
  .union([
    z.string().min(1),
    z.looseObject({ name: z.string().min(1), args: z.record(z.string(), z.unknown()).nullish() }),
  ])
  .meta({ id: "AgentToolGroup" });
export type AgentToolGroup = z.infer<typeof AgentToolGroupSchema>;

/** A tool the client runs: the turn pauses (`turn_awaiting_input`) until `resume` answers it. */
export const AgentClientToolSchema = z
  .looseObject({
    name: z.string().min(1),
    description: z.string().nullish(),
    input_schema: z.record(z.string(), z.unknown()).nullish(),
    /** Older clients' form: one entry per parameter. */
    parameters: z
      .array(
        z.looseObject({
          name: z.string().min(1),
          parameter_type: z.string().min(1),
          description: z.string().nullish(),
          required: z.boolean().nullish(),
          default: z.unknown().optional(),
        }),
      )
      .nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .meta({ id: "AgentClientTool" });
export type AgentClientTool = z.infer<typeof AgentClientToolSchema>;

export const SamplingParamsSchema = z
  .looseObject({
    strategy: z
      .looseObject({
        type: z.enum(["greedy", "top_p", "top_k"]),
        temperature: z.number().min(0).max(2).nullish(),
        top_p: z.number().min(0).max(1).nullish(),
        top_k: z.number().int().min(0).nullish(),
      })
      .nullish(),
    max_tokens: z.number().int().min(1).nullish(),
    repetition_penalty: z.number().nullish(),
  })
  .meta({ id: "SamplingParams" });
export type SamplingParams = z.infer<typeof SamplingParamsSchema>;

export const AgentToolConfigSchema = z
  .looseObject({
    tool_choice: z.string().min(1).nullish().describe("`auto`, `required`, `none`, or a tool's name."),
    tool_prompt_format: z.string().nullish(),
    system_message_behavior: z.enum(["append", "replace"]).nullish(),
  })
  .meta({ id: "AgentToolConfig" });
export type AgentToolConfig = z.infer<typeof AgentToolConfigSchema>;

/** How an agent answers: its model, instructions, tools and shields (legacy `AgentConfig`). */
export const AgentConfigSchema = z
  .looseObject({
    model: z.string().min(1),
    instructions: z.string().default(""),
    name: z.string().min(1).nullish().describe("Also its model id: `agent/<name>`."),
    description: z.string().nullish(),
    sampling_params: SamplingParamsSchema.nullish(),
    input_shields: z.array(z.string().min(1)).nullish(),
    output_shields: z.array(z.string().min(1)).nullish(),
    toolgroups: z.array(AgentToolGroupSchema).nullish(),
    client_tools: z.array(AgentClientToolSchema).nullish(),
    tool_choice: z.string().min(1).nullish(),
    tool_prompt_format: z.string().nullish(),
    tool_config: AgentToolConfigSchema.nullish(),
    max_infer_iters: z.number().int().min(1).max(100).nullish().describe("10 when absent."),
    response_format: z.unknown().optional(),
    enable_session_persistence: z.boolean().nullish(),
  })
  .meta({ id: "AgentConfig" });
export type AgentConfig = z.infer<typeof AgentConfigSchema>;
