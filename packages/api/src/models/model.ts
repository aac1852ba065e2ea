import { z } from "zod";

export const ModelTypeSchema = z.enum(["llm", "embedding", "rerank"]);
export type ModelType = z.infer<typeof ModelTypeSchema>;

/** The Llama Stack model resource (`GET /v1/models/{id}`). */
export const ModelSchema = z
  .object({
    identifier: z.string().describe("`provider_id/provider_model_id`, or an alias from the run config."),
    provider_id: z.string(),
    provider_resource_id: z.string().describe("The id the provider itself uses for the model."),
    model_type: ModelTypeSchema,
    metadata: z.record(z.string(), z.unknown()),
    model_validation: z.boolean().nullable().optional(),
    type: z.literal("model"),
  })
  .meta({ id: "Model" });
export type Model = z.infer<typeof ModelSchema>;

/** One entry of `GET /v1/models`: the OpenAI model object plus Llama Stack's `custom_metadata`. */
export const OpenAIModelSchema = z
  .object({
    id: z.string(),
    object: z.literal("model"),
    created: z.number().int(),
    owned_by: z.string(),
    custom_metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "OpenAIModel" });
export type OpenAIModel = z.infer<typeof OpenAIModelSchema>;

export const OpenAIModelListSchema = z
  .object({ object: z.literal("list"), data: z.array(OpenAIModelSchema) })
  .meta({ id: "OpenAIModelList" });

/**
 * `GET /v1/models/{id}`: the Llama Stack shape (what llama-stack-client reads) plus the OpenAI
 * fields, so `openai.models.retrieve()` works too (upstream returns only the former).
 */
export const ModelRetrieveResponseSchema = ModelSchema.extend({
  id: z.string(),
  object: z.literal("model"),
  created: z.number().int(),
  owned_by: z.string(),
}).meta({ id: "ModelRetrieveResponse" });
export type ModelRetrieveResponse = z.infer<typeof ModelRetrieveResponseSchema>;

/** Legacy `POST /v1/models` body. */
export const RegisterModelRequestSchema = z
  .object({
    model_id: z.string().min(1).describe("Alias; the identifier becomes `provider_id/model_id`."),
    provider_id: z.string().min(1).optional(),
    provider_model_id: z.string().min(1).optional(),
    model_type: ModelTypeSchema.optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    model_validation: z.boolean().optional(),
  })
  .meta({ id: "RegisterModelRequest" });
export type RegisterModelRequest = z.infer<typeof RegisterModelRequestSchema>;
