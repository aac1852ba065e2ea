import {
  ModelRetrieveResponseSchema,
  ModelSchema,
  OpenAIModelListSchema,
  RegisterModelRequestSchema,
} from "@llama-stack-ts/api";
import { z } from "zod";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";

const ModelIdParams = z.object({ model_id: z.string().min(1).describe("May contain '/'.") });

export function modelsRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: "GET",
      path: "/v1/models",
      api: "models",
      summary:
        "List models (OpenAI shape, with Llama Stack details in custom_metadata); agents as `agent/<name>`.",
      response: OpenAIModelListSchema,
      handler: async ({ stack, access, call }) => {
        const stored = await stack.tables.models.listStored(access);
        const sourced = await stack.inference.sourceModels(call);
        return {
          object: "list",
          data: [
            ...stored.map((s) =>
              stack.tables.models.toOpenAI(s.resource, Math.floor(s.createdAt.getTime() / 1000)),
            ),
            ...sourced.map((s) => stack.tables.models.toOpenAI(s.model, s.created)),
          ],
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/v1/models/{model_id:path}",
      api: "models",
      summary: "One model, Llama Stack shape. The id is `provider_id/provider_model_id` or an alias.",
      params: ModelIdParams,
      response: ModelRetrieveResponseSchema,
      handler: async ({ stack, access, call, params }) => {
        const models = stack.tables.models;
        const sourced = (await stack.inference.sourceModels(call)).find(
          (s) => s.model.identifier === params.model_id,
        );
        if (sourced) {
          const { custom_metadata: _drop, ...openai } = models.toOpenAI(sourced.model, sourced.created);
          return { ...sourced.model, ...openai };
        }
        const { identifier } = await models.resolve(params.model_id, access);
        const stored = (await models.find(identifier, access))!;
        const created = Math.floor(stored.createdAt.getTime() / 1000);
        const { custom_metadata: _drop, ...openai } = models.toOpenAI(stored.resource, created);
        return { ...stored.resource, ...openai };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/v1/models",
      api: "models",
      summary: "Register a model with a provider (legacy; prefer registered_resources in the run config).",
      deprecated: true,
      body: RegisterModelRequestSchema,
      response: ModelSchema,
      handler: async ({ stack, access, body }) => stack.tables.models.registerFromApi(body, access),
    }),
    defineRoute({
      method: "DELETE",
      path: "/v1/models/{model_id:path}",
      api: "models",
      summary: "Unregister a model registered through the API (legacy).",
      deprecated: true,
      params: ModelIdParams,
      status: 204,
      handler: async ({ stack, access, params }) => {
        const model = await stack.tables.models.resolve(params.model_id, access);
        await stack.tables.models.unregister(model.identifier, access);
        return null;
      },
    }),
  ];
}
