import { z } from "zod";
import { ConversationItemInputSchema } from "../conversations/conversation-item.ts";
import { PromptVariableValueSchema } from "../prompts/prompt-variable-value.ts";
import { ResponseToolChoiceSchema, ResponseToolSchema } from "./response-tool.ts";

/** `text.format`: plain text, a JSON object, or a JSON schema the output must match. */
export const ResponseTextFormatSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("text") }),
  z.looseObject({ type: z.literal("json_object") }),
  z.looseObject({
    type: z.literal("json_schema"),
    name: z.string().min(1),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().optional(),
    strict: z.boolean().nullish(),
  }),
]);
export type ResponseTextFormat = z.infer<typeof ResponseTextFormatSchema>;

/** `POST /v1/responses`. `conversation` and `previous_response_id` together are a 400. */
export const ResponseCreateRequestSchema = z
  .looseObject({
    model: z.string().min(1),
    input: z.union([z.string(), z.array(ConversationItemInputSchema)]).default([]),
    instructions: z.string().nullish(),
    previous_response_id: z.string().min(1).nullish(),
    conversation: z
      .union([z.string().min(1), z.looseObject({ id: z.string().min(1) })])
      .nullish()
      .describe(
        "A conversation id (or `{id}`): its items come first, and this response's items are appended.",
      ),
    prompt: z
      .looseObject({
        id: z.string().min(1),
        version: z.union([z.string(), z.number()]).nullish(),
        variables: z.record(z.string(), PromptVariableValueSchema).nullish(),
      })
      .nullish(),
    store: z.boolean().nullish(),
    stream: z.boolean().nullish(),
    background: z.boolean().nullish(),
    temperature: z.number().min(0).max(2).nullish(),
    top_p: z.number().min(0).max(1).nullish(),
    max_output_tokens: z.number().int().min(1).nullish(),
    max_tool_calls: z.number().int().min(1).nullish(),
    max_infer_iters: z
      .number()
      .int()
      .min(1)
      .max(100)
      .nullish()
      .describe("Upstream's cap on inference steps; 10 when absent."),
    parallel_tool_calls: z.boolean().nullish(),
    tool_choice: ResponseToolChoiceSchema.nullish(),
    tools: z.array(ResponseToolSchema).nullish(),
    text: z.looseObject({ format: ResponseTextFormatSchema.optional() }).nullish(),
    include: z
      .array(z.string())
      .nullish()
      .describe(
        "Honoured: file_search_call.results, code_interpreter_call.outputs, web_search_call.action.sources, message.output_text.logprobs; other values are accepted and change nothing.",
      ),
    top_logprobs: z.number().int().min(0).max(20).nullish(),
    metadata: z.record(z.string(), z.string()).nullish(),
    truncation: z.enum(["auto", "disabled"]).nullish(),
    guardrails: z
      .array(z.union([z.string().min(1), z.looseObject({ type: z.string().min(1) })]))
      .nullish()
      .describe(
        "Llama Stack's extension: shield ids that judge this response's input and output, besides the shields the run config puts on those touchpoints.",
      ),
    user: z.string().nullish(),
  })
  .meta({ id: "ResponseCreateRequest" });
export type ResponseCreateRequest = z.infer<typeof ResponseCreateRequestSchema>;
