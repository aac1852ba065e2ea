import {
  ConversationItemSchema,
  cursorPageSchema,
  ListResponseInputItemsQuerySchema,
  ListResponsesQuerySchema,
  ResponseCreateRequestSchema,
  ResponseDeleteResponseSchema,
  ResponseObjectSchema,
  ResponseStreamEventSchema,
  RetrieveResponseQuerySchema,
} from "@llama-stack-ts/api";
import { z } from "zod";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";
import { sseResponse } from "../http/sse-response.ts";

const ResponseParams = z.object({ response_id: z.string().min(1) });

export function responsesRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: "POST",
      path: "/v1/responses",
      api: "responses",
      summary: "Create a model response: inference and hosted tools in a loop, stored unless store: false.",
      description:
        "Function tools end the response with `function_call` items; continue with `previous_response_id` " +
        "and a `function_call_output`. file_search, web_search and code_interpreter run on the server " +
        "through the tool runtime. With `stream: true`, Server-Sent Events as OpenAI's ResponseStreamEvent " +
        "(`response.created` … one terminal event); output shields judge text before it is sent. " +
        "`mcp` tools list the server's tools and ask approval by default (`mcp_approval_request`; answer with " +
        "`mcp_approval_response`). `background: true` stores the response `queued` and runs it as a job " +
        "(cancel with POST /{id}/cancel).",
      body: ResponseCreateRequestSchema,
      response: z.union([ResponseObjectSchema, ResponseStreamEventSchema]),
      handler: async ({ stack, body, call, context }) => {
        const responses = stack.routers.require("responses");
        if (!body.stream) return responses.create(body, call);
        return sseResponse(await responses.createStream(body, call), {
          onError: (error) => context.get("logger").error("stream failed", { error }),
        });
      },
    }),
    defineRoute({
      method: "GET",
      path: "/v1/responses",
      api: "responses",
      summary: "Stored responses, newest first by default (cursor `after`).",
      query: ListResponsesQuerySchema,
      response: cursorPageSchema(ResponseObjectSchema),
      handler: async ({ stack, query, call }) => stack.routers.require("responses").list(query, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/responses/{response_id}",
      api: "responses",
      summary:
        "One stored response; with stream=true a background response's events again (after starting_after).",
      params: ResponseParams,
      query: RetrieveResponseQuerySchema,
      response: z.union([ResponseObjectSchema, ResponseStreamEventSchema]),
      handler: async ({ stack, params, query, call, context }) => {
        const responses = stack.routers.require("responses");
        if (!query.stream) return responses.retrieve(params.response_id, call, query);
        const events = await responses.retrieveStream(params.response_id, query, call);
        return sseResponse(events, {
          onError: (error) => context.get("logger").error("stream failed", { error }),
        });
      },
    }),
    defineRoute({
      method: "DELETE",
      path: "/v1/responses/{response_id}",
      api: "responses",
      summary: "Delete a stored response.",
      params: ResponseParams,
      response: ResponseDeleteResponseSchema,
      handler: async ({ stack, params, call }) =>
        stack.routers.require("responses").delete(params.response_id, call),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/responses/{response_id}/cancel",
      api: "responses",
      summary:
        "Cancel a queued or running background response (409 for any other; idempotent once cancelled).",
      params: ResponseParams,
      response: ResponseObjectSchema,
      handler: async ({ stack, params, call }) =>
        stack.routers.require("responses").cancel(params.response_id, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/responses/{response_id}/input_items",
      api: "responses",
      summary: "The items a response's model was given (its history included), newest first by default.",
      params: ResponseParams,
      query: ListResponseInputItemsQuerySchema,
      response: cursorPageSchema(ConversationItemSchema),
      handler: async ({ stack, params, query, call }) =>
        stack.routers.require("responses").listInputItems(params.response_id, query, call),
    }),
  ];
}
