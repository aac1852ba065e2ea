import { z } from "zod";
import { ChatMessageSchema, ToolCallSchema } from "./chat-messages.ts";

export const FinishReasonSchema = z.enum(["stop", "length", "tool_calls", "content_filter", "function_call"]);
export type FinishReason = z.infer<typeof FinishReasonSchema>;

export const UsageSchema = z.looseObject({
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
  prompt_tokens_details: z.looseObject({ cached_tokens: z.number().int() }).optional(),
});
export type Usage = z.infer<typeof UsageSchema>;

const TopLogprobSchema = z.object({
  token: z.string(),
  logprob: z.number(),
  bytes: z.array(z.number()).nullable(),
});
export const TokenLogprobSchema = TopLogprobSchema.extend({ top_logprobs: z.array(TopLogprobSchema) });
export type TokenLogprob = z.infer<typeof TokenLogprobSchema>;
export const ChoiceLogprobsSchema = z.object({ content: z.array(TokenLogprobSchema).nullable() });

export const AssistantResponseMessageSchema = z.looseObject({
  role: z.literal("assistant"),
  content: z.string().nullable(),
  refusal: z.string().nullable().optional(),
  tool_calls: z.array(ToolCallSchema).optional(),
});

export const ChatCompletionSchema = z
  .looseObject({
    id: z.string(),
    object: z.literal("chat.completion"),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.looseObject({
        index: z.number().int(),
        message: AssistantResponseMessageSchema,
        finish_reason: FinishReasonSchema,
        logprobs: ChoiceLogprobsSchema.nullable().optional(),
      }),
    ),
    usage: UsageSchema.optional(),
    system_fingerprint: z.string().nullable().optional(),
  })
  .meta({ id: "ChatCompletion" });
export type ChatCompletion = z.infer<typeof ChatCompletionSchema>;

export const ToolCallDeltaSchema = z.looseObject({
  index: z.number().int(),
  id: z.string().optional(),
  type: z.literal("function").optional(),
  function: z.looseObject({ name: z.string().optional(), arguments: z.string().optional() }).optional(),
});

export const ChatCompletionChunkSchema = z
  .looseObject({
    id: z.string(),
    object: z.literal("chat.completion.chunk"),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.looseObject({
        index: z.number().int(),
        delta: z.looseObject({
          role: z.literal("assistant").optional(),
          content: z.string().nullable().optional(),
          reasoning_content: z.string().nullable().optional(),
          tool_calls: z.array(ToolCallDeltaSchema).optional(),
        }),
        finish_reason: FinishReasonSchema.nullable(),
        logprobs: ChoiceLogprobsSchema.nullable().optional(),
      }),
    ),
    usage: UsageSchema.nullable().optional(),
  })
  .meta({ id: "ChatCompletionChunk" });
export type ChatCompletionChunk = z.infer<typeof ChatCompletionChunkSchema>;

/** A stored completion (`GET /v1/chat/completions/{id}`): the completion plus what was asked. */
export const StoredChatCompletionSchema = ChatCompletionSchema.extend({
  input_messages: z.array(ChatMessageSchema),
}).meta({ id: "StoredChatCompletion" });
export type StoredChatCompletion = z.infer<typeof StoredChatCompletionSchema>;
