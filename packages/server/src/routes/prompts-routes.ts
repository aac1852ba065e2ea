import {
  dataListSchema,
  PromptCreateRequestSchema,
  PromptRetrieveQuerySchema,
  PromptSchema,
  PromptSetDefaultVersionRequestSchema,
  PromptUpdateRequestSchema,
} from "@llama-stack-ts/api";
import { z } from "zod";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";

const PromptParams = z.object({ prompt_id: z.string().min(1) });

export function promptsRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: "POST",
      path: "/v1/prompts",
      api: "prompts",
      summary: "Store a prompt template as version 1, the default.",
      description:
        "Every `{{ name }}` in `prompt` must be listed in `variables`; a missing one is a 400 naming it.",
      body: PromptCreateRequestSchema,
      response: PromptSchema,
      handler: async ({ stack, body, call }) => stack.prompts.create(body, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/prompts",
      api: "prompts",
      summary: "The caller's prompts, each at its default version, prompt ids descending.",
      response: dataListSchema(PromptSchema),
      handler: async ({ stack, call }) => stack.prompts.list(call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/prompts/{prompt_id}",
      api: "prompts",
      summary: "One prompt at `version`, or at its default version.",
      params: PromptParams,
      query: PromptRetrieveQuerySchema,
      response: PromptSchema,
      handler: async ({ stack, params, query, call }) =>
        stack.prompts.retrieve(params.prompt_id, query.version, call),
    }),
    defineRoute({
      method: "PUT",
      path: "/v1/prompts/{prompt_id}",
      api: "prompts",
      summary: "Store a new version; `version` must be the latest (else 409).",
      description:
        "The new version is `version + 1` and becomes the default unless `set_as_default` is false.",
      params: PromptParams,
      body: PromptUpdateRequestSchema,
      response: PromptSchema,
      handler: async ({ stack, params, body, call }) => stack.prompts.update(params.prompt_id, body, call),
    }),
    defineRoute({
      method: "DELETE",
      path: "/v1/prompts/{prompt_id}",
      api: "prompts",
      summary: "Delete a prompt and every version of it.",
      params: PromptParams,
      status: 204,
      handler: async ({ stack, params, call }) => stack.prompts.delete(params.prompt_id, call),
    }),
    defineRoute({
      method: "PUT",
      path: "/v1/prompts/{prompt_id}/set-default-version",
      api: "prompts",
      summary: "Serve `version` when no version is asked for.",
      params: PromptParams,
      body: PromptSetDefaultVersionRequestSchema,
      response: PromptSchema,
      handler: async ({ stack, params, body, call }) =>
        stack.prompts.setDefaultVersion(params.prompt_id, body, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/prompts/{prompt_id}/versions",
      api: "prompts",
      summary: "Every version of one prompt, oldest first, `is_default` marking the default.",
      params: PromptParams,
      response: dataListSchema(PromptSchema),
      handler: async ({ stack, params, call }) => stack.prompts.listVersions(params.prompt_id, call),
    }),
  ];
}
