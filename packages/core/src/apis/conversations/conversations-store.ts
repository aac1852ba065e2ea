import type { ConversationItem, CursorPage } from "@llama-stack-ts/api";
import { and, asc, eq, sql } from "drizzle-orm";
import type { AccessContext } from "../../auth/access-context.ts";
import { visibleTo } from "../../auth/visible-to.ts";
import type { StackDb } from "../../storage/database.ts";
import { readCursorPage } from "../../storage/read-cursor-page.ts";
import { type ConversationRow, conversationItems, conversations } from "../../storage/schema.ts";
import { storableJson } from "../../storage/storable-json.ts";

export interface ListItemsOptions {
  after?: string | undefined;
  limit: number;
  order: "asc" | "desc";
}

/** Conversations and their items per owner, items in the order they were added. */
export class ConversationsStore {
  constructor(private readonly db: StackDb) {}

  async create(row: ConversationRow, items: ConversationItem[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.insert(conversations).values(row);
      if (items.length > 0) await tx.insert(conversationItems).values(itemRows(row.id, items, row.createdAt));
    });
  }

  /** The conversation if this caller may see it. */
  async find(id: string, access: AccessContext): Promise<ConversationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, id), visibleTo(conversations.owner, access)));
    return row;
  }

  async updateMetadata(id: string, metadata: Record<string, string>): Promise<ConversationRow | undefined> {
    const [row] = await this.db
      .update(conversations)
      .set({ metadata })
      .where(eq(conversations.id, id))
      .returning();
    return row;
  }

  /** True when this call removed it; its items go with it. */
  async delete(id: string): Promise<boolean> {
    const removed = await this.db
      .delete(conversations)
      .where(eq(conversations.id, id))
      .returning({ id: conversations.id });
    return removed.length > 0;
  }

  /**
   * Append items in one transaction, all or none; an id already in the conversation is replaced
   * in place. False when the conversation is not there (or not this caller's): it is locked
   * against a concurrent delete while the items go in.
   */
  async appendItems(
    id: string,
    items: ConversationItem[],
    access: AccessContext,
    now: Date,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.id, id), visibleTo(conversations.owner, access)))
        .for("share");
      if (!locked) return false;
      await tx
        .insert(conversationItems)
        .values(itemRows(id, items, now))
        .onConflictDoUpdate({
          target: [conversationItems.conversationId, conversationItems.id],
          set: { type: sql`excluded.type`, item: sql`excluded.item` },
        });
      return true;
    });
  }

  async findItem(id: string, itemId: string): Promise<ConversationItem | undefined> {
    const [row] = await this.db
      .select({ item: conversationItems.item })
      .from(conversationItems)
      .where(and(eq(conversationItems.conversationId, id), eq(conversationItems.id, itemId)));
    return row?.item as ConversationItem | undefined;
  }

  async listItems(id: string, options: ListItemsOptions): Promise<CursorPage<ConversationItem>> {
    const page = await readCursorPage(
      this.db,
      {
        table: conversationItems,
        createdAt: conversationItems.seq,
        key: conversationItems.id,
        scope: [eq(conversationItems.conversationId, id)],
        resource: "Conversation item",
        keyOf: (row) => row.id,
      },
      options,
    );
    return { ...page, data: page.data.map((row) => row.item as ConversationItem) };
  }

  /** Every item, oldest first. */
  async readItems(id: string): Promise<ConversationItem[]> {
    const rows = await this.db
      .select({ item: conversationItems.item })
      .from(conversationItems)
      .where(eq(conversationItems.conversationId, id))
      .orderBy(asc(conversationItems.seq));
    return rows.map((row) => row.item as ConversationItem);
  }

  async deleteItem(id: string, itemId: string): Promise<boolean> {
    const removed = await this.db
      .delete(conversationItems)
      .where(and(eq(conversationItems.conversationId, id), eq(conversationItems.id, itemId)))
      .returning({ id: conversationItems.id });
    return removed.length > 0;
  }
}

function itemRows(conversationId: string, items: ConversationItem[], createdAt: Date) {
  return items.map((item) => ({
    conversationId,
    id: item.id,
    type: item.type,
    item: storableJson(item) as Record<string, unknown>,
    createdAt,
  }));
}
