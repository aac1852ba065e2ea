import { randomBytes } from "node:crypto";
import {
  type ApiCall,
  CONVERSATION_ID_PATTERN,
  type Conversation,
  type ConversationCreateRequest,
  type ConversationDeleteResponse,
  type ConversationItem,
  type ConversationItemInput,
  type ConversationItemList,
  type ConversationsApi,
  type ConversationUpdateRequest,
  type CursorPage,
  ID_PREFIXES,
  InvalidRequestError,
  type ListConversationItemsQuery,
  NotFoundError,
} from "@llama-stack-ts/api";
import { includeSet, presentItem, presentItems } from "@llama-stack-ts/provider-kit";
import { ownerFor } from "../../auth/access-context.ts";
import type { ConversationRow } from "../../storage/schema.ts";
import type { ConversationsStore } from "./conversations-store.ts";
import { normalizeConversationItem } from "./normalize-conversation-item.ts";

/**
 * `/v1/conversations`: conversations and their items per owner, in OpenAI's shapes. Another
 * principal's conversation is a 404; a malformed id a 400, as upstream.
 */
export class ConversationsRouter implements ConversationsApi {
  constructor(
    private readonly store: ConversationsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(request: ConversationCreateRequest, call: ApiCall): Promise<Conversation> {
    const row: ConversationRow = {
      id: ID_PREFIXES.conversation + randomBytes(24).toString("hex"),
      owner: ownerFor(call.access),
      metadata: request.metadata ?? {},
      createdAt: this.now(),
    };
    await this.store.create(row, distinct((request.items ?? []).map(normalizeConversationItem)));
    return toConversation(row);
  }

  async retrieve(conversationId: string, call: ApiCall): Promise<Conversation> {
    return toConversation(await this.find(conversationId, call));
  }

  async update(
    conversationId: string,
    request: ConversationUpdateRequest,
    call: ApiCall,
  ): Promise<Conversation> {
    await this.find(conversationId, call);
    const row = await this.store.updateMetadata(conversationId, request.metadata);
    if (!row) throw notFound(conversationId);
    return toConversation(row);
  }

  async delete(conversationId: string, call: ApiCall): Promise<ConversationDeleteResponse> {
    await this.find(conversationId, call);
    if (!(await this.store.delete(conversationId))) throw notFound(conversationId);
    return { id: conversationId, object: "conversation.deleted", deleted: true };
  }

  async createItems(
    conversationId: string,
    items: ConversationItemInput[],
    call: ApiCall,
    options: { include?: readonly string[] | undefined } = {},
  ): Promise<ConversationItemList> {
    const data = presentItems(
      await this.appendItems(conversationId, items, call),
      includeSet(options.include),
    );
    return {
      object: "list",
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: false,
    };
  }

  async listItems(
    conversationId: string,
    query: ListConversationItemsQuery,
    call: ApiCall,
  ): Promise<CursorPage<ConversationItem>> {
    await this.find(conversationId, call);
    const page = await this.store.listItems(conversationId, query);
    return { ...page, data: presentItems(page.data, includeSet(query.include)) };
  }

  async retrieveItem(
    conversationId: string,
    itemId: string,
    call: ApiCall,
    options: { include?: readonly string[] | undefined } = {},
  ): Promise<ConversationItem> {
    await this.find(conversationId, call);
    const item = await this.store.findItem(conversationId, itemId);
    if (!item) throw itemNotFound(conversationId, itemId);
    return presentItem(item, includeSet(options.include));
  }

  async deleteItem(conversationId: string, itemId: string, call: ApiCall): Promise<Conversation> {
    const conversation = await this.find(conversationId, call);
    if (!(await this.store.deleteItem(conversationId, itemId))) throw itemNotFound(conversationId, itemId);
    return toConversation(conversation);
  }

  async appendItems(
    conversationId: string,
    items: ConversationItemInput[],
    call: ApiCall,
  ): Promise<ConversationItem[]> {
    assertConversationId(conversationId);
    const stored = distinct(items.map(normalizeConversationItem));
    if (stored.length === 0) {
      await this.find(conversationId, call);
      return [];
    }
    if (!(await this.store.appendItems(conversationId, stored, call.access, this.now()))) {
      throw notFound(conversationId);
    }
    return stored;
  }

  async readItems(conversationId: string, call: ApiCall): Promise<ConversationItem[]> {
    await this.find(conversationId, call);
    return this.store.readItems(conversationId);
  }

  private async find(conversationId: string, call: ApiCall): Promise<ConversationRow> {
    assertConversationId(conversationId);
    const row = await this.store.find(conversationId, call.access);
    if (!row) throw notFound(conversationId);
    return row;
  }
}

function assertConversationId(conversationId: string): void {
  if (CONVERSATION_ID_PATTERN.test(conversationId)) return;
  throw new InvalidRequestError(
    `Invalid value for 'conversation_id': ${conversationId}. ` +
      "Conversation ID must match format 'conv_' followed by 48 lowercase hex characters.",
    { param: "conversation_id", retryable: false },
  );
}

/** One item per id, at its first position with its last content (a batch may repeat an id). */
function distinct(items: ConversationItem[]): ConversationItem[] {
  const byId = new Map<string, ConversationItem>();
  for (const item of items) byId.set(item.id, item);
  return [...byId.values()];
}

function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    object: "conversation",
    created_at: Math.floor(row.createdAt.getTime() / 1000),
    metadata: row.metadata,
  };
}

function notFound(conversationId: string): NotFoundError {
  return new NotFoundError("Conversation", conversationId);
}

function itemNotFound(conversationId: string, itemId: string): NotFoundError {
  return new NotFoundError("Conversation item", itemId, `It is not in conversation '${conversationId}'.`, {
    param: "item_id",
  });
}
