import {
  ChatCompletionChunkSchema,
  ChatCompletionRequestSchema,
  ChatCompletionSchema,
  CompletionRequestSchema,
  CompletionSchema,
  CursorPageQuerySchema,
  cursorPageSchema,
  dataListSchema,
  EmbeddingsRequestSchema,
  EmbeddingsResponseSchema,
  RerankRequestSchema,
  RerankResultSchema,
  StoredChatCompletionSchema,
} from "@llama-stack-ts/api";
import { z } from "zod";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";
import { sseResponse } from "../http/sse-response.ts";

export function inferenceRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: "POST",
      path: "/v1/chat/completions",
      api: "inference",
      summary: "Chat completion; with `stream: true`, Server-Sent Events of chat.completion.chunk.",
      body: ChatCompletionRequestSchema,
      response: z.union([ChatCompletionSchema, ChatCompletionChunkSchema]),
      handler: async ({ stack, body, call, context }) => {
        if (!body.stream) return stack.inference.chatCompletion(body, call);
        const chunks = await stack.inference.chatCompletionStream(body, call);
        return sseResponse(chunks, {
          done: true,
          onError: (error) => context.get("logger").error("stream failed", { error }),
        });
      },
    }),
    defineRoute({
      method: "GET",
      path: "/v1/chat/completions",
      api: "inference",
      summary: "Stored chat completions, newest first by default.",
      query: CursorPageQuerySchema.pick({ after: true, limit: true, order: true }).extend({
        model: z.string().min(1).optional(),
      }),
      response: cursorPageSchema(StoredChatCompletionSchema),
      handler: async ({ stack, query, access }) => stack.inference.storedCompletions.list(query, access),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/chat/completions/{completion_id}",
      api: "inference",
      summary: "One stored chat completion with its input_messages.",
      params: z.object({ completion_id: z.string().min(1) }),
      response: StoredChatCompletionSchema,
      handler: async ({ stack, params, access }) =>
        stack.inference.storedCompletions.get(params.completion_id, access),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/completions",
      api: "inference",
      summary: "Text completion of a raw prompt; with `stream: true`, Server-Sent Events.",
      body: CompletionRequestSchema,
      response: CompletionSchema,
      handler: async ({ stack, body, call }) => {
        if (!body.stream) return stack.inference.completion(body, call);
        return sseResponse(await stack.inference.completionStream(body, call), { done: true });
      },
    }),
    defineRoute({
      method: "POST",
      path: "/v1/embeddings",
      api: "inference",
      summary: "Embeddings of one or more inputs (float or base64; optional `dimensions`).",
      body: EmbeddingsRequestSchema,
      response: EmbeddingsResponseSchema,
      handler: async ({ stack, body, call }) => stack.inference.embeddings(body, call),
    }),
    defineRoute({
      method: "POST",
      path: "/v1alpha/inference/rerank",
      api: "inference",
      summary: "Relevance of each item to the query, best first.",
      body: RerankRequestSchema,
      response: dataListSchema(RerankResultSchema),
      handler: async ({ stack, body, call }) => ({
        data: await stack.inference.rerank(body, call),
      }),
    }),
  ];
}
