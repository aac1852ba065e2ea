import { z } from "zod";
import { FinishReasonSchema, UsageSchema } from "./chat-completion.ts";

/** `POST /v1/completions` (legacy text completions). */
export const CompletionRequestSchema = z
  .looseObject({
    model: z.string().min(1),
    prompt: z.union([
      z.string(),
      z.array(z.string()).min(1),
      z.array(z.number().int().nonnegative()).min(1),
      z.array(z.array(z.number().int().nonnegative()).min(1)).min(1),
    ]),
    stream: z.boolean().nullish(),
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
    max_tokens: z.number().int().positive().nullish(),
    temperature: z.number().min(0).max(2).nullish(),
    top_p: z.number().gt(0).max(1).nullish(),
    seed: z.number().int().nullish(),
    stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
    frequency_penalty: z.number().min(-2).max(2).nullish(),
    presence_penalty: z.number().min(-2).max(2).nullish(),
    logit_bias: z.record(z.string(), z.number().min(-100).max(100)).nullish(),
    logprobs: z.number().int().min(0).max(5).nullish(),
    echo: z.boolean().nullish(),
    n: z.number().int().min(1).max(8).nullish(),
    best_of: z.number().int().min(1).nullish(),
    suffix: z.string().nullish(),
    user: z.string().nullish(),
  })
  .meta({ id: "CompletionRequest" });
export type CompletionRequest = z.infer<typeof CompletionRequestSchema>;

export const CompletionSchema = z
  .looseObject({
    id: z.string(),
    object: z.literal("text_completion"),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.looseObject({
        index: z.number().int(),
        text: z.string(),
        finish_reason: FinishReasonSchema.nullable(),
        logprobs: z.unknown().nullable().optional(),
      }),
    ),
    usage: UsageSchema.optional(),
  })
  .meta({ id: "Completion" });
export type Completion = z.infer<typeof CompletionSchema>;
