import type { CursorPage } from "../common/cursor-page.ts";
import type {
  Conversation,
  ConversationCreateRequest,
  ConversationDeleteResponse,
  ConversationUpdateRequest,
} from "../conversations/conversation.ts";
import type { ConversationItem, ConversationItemInput } from "../conversations/conversation-item.ts";
import type {
  ConversationItemList,
  ListConversationItemsQuery,
} from "../conversations/conversation-items.ts";
import type { ApiCall } from "./api-call.ts";

/**
 * `/v1/conversations` as the Stack offers it to its own parts (`context.api("conversations")`),
 * owner-scoped; `appendItems` and `readItems` are what the Responses loop uses.
 */
export interface ConversationsApi {
  create(request: ConversationCreateRequest, call: ApiCall): Promise<Conversation>;
  retrieve(conversationId: string, call: ApiCall): Promise<Conversation>;
  update(conversationId: string, request: ConversationUpdateRequest, call: ApiCall): Promise<Conversation>;
  /** Removes its items too. */
  delete(conversationId: string, call: ApiCall): Promise<ConversationDeleteResponse>;
  createItems(
    conversationId: string,
    items: ConversationItemInput[],
    call: ApiCall,
    options?: { include?: readonly string[] | undefined },
  ): Promise<ConversationItemList>;
  listItems(
    conversationId: string,
    query: ListConversationItemsQuery,
    call: ApiCall,
  ): Promise<CursorPage<ConversationItem>>;
  /** Tool results of the item only where `include` asks (OpenAI's include values). */
  retrieveItem(
    conversationId: string,
    itemId: string,
    call: ApiCall,
    options?: { include?: readonly string[] | undefined },
  ): Promise<ConversationItem>;
  /** Answers the conversation, as OpenAI does. */
  deleteItem(conversationId: string, itemId: string, call: ApiCall): Promise<Conversation>;
  /** Append items in one transaction (all or none); an id already present replaces that item in place. */
  appendItems(
    conversationId: string,
    items: ConversationItemInput[],
    call: ApiCall,
  ): Promise<ConversationItem[]>;
  /** Every item, oldest first: the history a response continues. */
  readItems(conversationId: string, call: ApiCall): Promise<ConversationItem[]>;
}
