import {
  ConversationCreateRequestSchema,
  ConversationDeleteResponseSchema,
  ConversationItemListSchema,
  ConversationItemSchema,
  ConversationItemsCreateQuerySchema,
  ConversationItemsCreateRequestSchema,
  ConversationSchema,
  ConversationUpdateRequestSchema,
  cursorPageSchema,
  ListConversationItemsQuerySchema,
  RetrieveConversationItemQuerySchema,
} from "@llama-stack-ts/api";
import { z } from "zod";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";

const ConversationParams = z.object({ conversation_id: z.string().min(1) });
const ItemParams = ConversationParams.extend({ item_id: z.string().min(1) });

export function conversationsRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: "POST",
      path: "/v1/conversations",
      api: "conversations",
      summary: "Create a conversation, optionally with up to 20 items and metadata.",
      body: ConversationCreateRequestSchema,
      response: ConversationSchema,
      handler: async ({ stack, body, call }) => stack.conversations.create(body, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/conversations/{conversation_id}",
      api: "conversations",
      summary: "One conversation.",
      params: ConversationParams,
      response: ConversationSchema,
      handler: async ({ stack, params, call }) => stack.conversations.retrieve(params.conversation_id, call),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/conversations/{conversation_id}",
      api: "conversations",
      summary: "Replace a conversation's metadata.",
      params: ConversationParams,
      body: ConversationUpdateRequestSchema,
      response: ConversationSchema,
      handler: async ({ stack, params, body, call }) =>
        stack.conversations.update(params.conversation_id, body, call),
    }),
    defineRoute({
      method: "DELETE",
      path: "/v1/conversations/{conversation_id}",
      api: "conversations",
      summary: "Delete a conversation and its items.",
      params: ConversationParams,
      response: ConversationDeleteResponseSchema,
      handler: async ({ stack, params, call }) => stack.conversations.delete(params.conversation_id, call),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/conversations/{conversation_id}/items",
      api: "conversations",
      summary: "Append 1 to 20 items, all or none; an id already there replaces that item in place.",
      description:
        "Messages, function calls and outputs, file and web search calls, MCP calls, listings and " +
        "approvals, reasoning, compaction and code interpreter calls; another `type` is a 400.",
      params: ConversationParams,
      query: ConversationItemsCreateQuerySchema,
      body: ConversationItemsCreateRequestSchema,
      response: ConversationItemListSchema,
      handler: async ({ stack, params, query, body, call }) =>
        stack.conversations.createItems(params.conversation_id, body.items, call, query),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/conversations/{conversation_id}/items",
      api: "conversations",
      summary: "A conversation's items in the order they were added, newest first by default.",
      params: ConversationParams,
      query: ListConversationItemsQuerySchema,
      response: cursorPageSchema(ConversationItemSchema),
      handler: async ({ stack, params, query, call }) =>
        stack.conversations.listItems(params.conversation_id, query, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/conversations/{conversation_id}/items/{item_id}",
      api: "conversations",
      summary: "One item of a conversation.",
      params: ItemParams,
      query: RetrieveConversationItemQuerySchema,
      response: ConversationItemSchema,
      handler: async ({ stack, params, query, call }) =>
        stack.conversations.retrieveItem(params.conversation_id, params.item_id, call, query),
    }),
    defineRoute({
      method: "DELETE",
      path: "/v1/conversations/{conversation_id}/items/{item_id}",
      api: "conversations",
      summary: "Remove one item; answers the conversation, as OpenAI does.",
      params: ItemParams,
      response: ConversationSchema,
      handler: async ({ stack, params, call }) =>
        stack.conversations.deleteItem(params.conversation_id, params.item_id, call),
    }),
  ];
}
