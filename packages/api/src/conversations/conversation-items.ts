import { z } from "zod";
import { commaListSchema } from "../common/comma-list.ts";
import { CursorPageQuerySchema } from "../common/cursor-page.ts";
import { ConversationItemsSchema } from "./conversation.ts";
import { ConversationItemSchema } from "./conversation-item.ts";

/** `POST /v1/conversations/{conversation_id}/items`. */
export const ConversationItemsCreateRequestSchema = z
  .object({ items: ConversationItemsSchema.min(1).describe("1 to 20 items, appended in order.") })
  .meta({ id: "ConversationItemsCreateRequest" });
export type ConversationItemsCreateRequest = z.infer<typeof ConversationItemsCreateRequestSchema>;

const IncludeSchema = commaListSchema(z.string().min(1))
  .optional()
  .describe(
    "Tool results to show: file_search_call.results, code_interpreter_call.outputs, web_search_call.action.sources.",
  );

export const ConversationItemsCreateQuerySchema = z.object({ include: IncludeSchema });

/** `GET /v1/conversations/{conversation_id}/items/{item_id}`. */
export const RetrieveConversationItemQuerySchema = z.object({ include: IncludeSchema });

/** `GET /v1/conversations/{conversation_id}/items`: a cursor page, newest first by default. */
export const ListConversationItemsQuerySchema = CursorPageQuerySchema.pick({
  after: true,
  limit: true,
  order: true,
}).extend({ include: IncludeSchema });
export type ListConversationItemsQuery = z.infer<typeof ListConversationItemsQuerySchema>;

/** What adding items answers: the stored items, oldest first. */
export const ConversationItemListSchema = z
  .object({
    object: z.literal("list"),
    data: z.array(ConversationItemSchema),
    first_id: z.string().nullable(),
    last_id: z.string().nullable(),
    has_more: z.boolean(),
  })
  .meta({ id: "ConversationItemList" });
export type ConversationItemList = z.infer<typeof ConversationItemListSchema>;
