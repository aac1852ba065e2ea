import {
  type ChatCompletion,
  type ChatMessage,
  type CursorPage,
  NotFoundError,
  type StoredChatCompletion,
} from "@llama-stack-ts/api";
import { and, asc, desc, eq, gt, isNull, lt, or, type SQL } from "drizzle-orm";
import type { AccessContext } from "../../auth/access-context.ts";
import { ownerFor } from "../../auth/access-context.ts";
import type { StackDb } from "../../storage/database.ts";
import { type ChatCompletionRow, chatCompletions } from "../../storage/schema.ts";

export interface ListChatCompletionsQuery {
  after?: string | undefined;
  limit: number;
  order: "asc" | "desc";
  model?: string | undefined;
}

/** Completed chat completions and their input, per owner, cursor-paged by creation time. */
export class ChatCompletionStore {
  constructor(private readonly db: StackDb) {}

  async save(completion: ChatCompletion, inputMessages: ChatMessage[], access: AccessContext): Promise<void> {
    await this.db
      .insert(chatCompletions)
      .values({
        id: completion.id,
        owner: ownerFor(access),
        model: completion.model,
        // Insertion time, finer than `created` (seconds), keeps the list order stable.
        createdAt: new Date(),
        completion: completion as unknown as Record<string, unknown>,
        inputMessages: inputMessages as unknown as Record<string, unknown>[],
      })
      .onConflictDoNothing();
  }

  async get(id: string, access: AccessContext): Promise<StoredChatCompletion> {
    const [row] = await this.db
      .select()
      .from(chatCompletions)
      .where(and(eq(chatCompletions.id, id), visibleTo(access)));
    if (!row)
      throw new NotFoundError(
        "Chat completion",
        id,
        "List stored completions with GET /v1/chat/completions.",
      );
    return toStored(row);
  }

  async list(
    query: ListChatCompletionsQuery,
    access: AccessContext,
  ): Promise<CursorPage<StoredChatCompletion>> {
    const conditions: (SQL | undefined)[] = [visibleTo(access)];
    if (query.model) conditions.push(eq(chatCompletions.model, query.model));
    if (query.after) {
      const [anchor] = await this.db
        .select({ createdAt: chatCompletions.createdAt })
        .from(chatCompletions)
        .where(and(eq(chatCompletions.id, query.after), visibleTo(access)));
      if (!anchor) throw new NotFoundError("Chat completion", query.after);
      const beyond = query.order === "desc" ? lt : gt;
      conditions.push(
        or(
          beyond(chatCompletions.createdAt, anchor.createdAt),
          and(eq(chatCompletions.createdAt, anchor.createdAt), beyond(chatCompletions.id, query.after)),
        ),
      );
    }
    const direction = query.order === "desc" ? desc : asc;
    const rows = await this.db
      .select()
      .from(chatCompletions)
      .where(and(...conditions))
      .orderBy(direction(chatCompletions.createdAt), direction(chatCompletions.id))
      .limit(query.limit + 1);
    const data = rows.slice(0, query.limit).map(toStored);
    return {
      object: "list",
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: rows.length > query.limit,
    };
  }
}

function visibleTo(access: AccessContext): SQL | undefined {
  if (!access.enforced) return undefined;
  return or(isNull(chatCompletions.owner), eq(chatCompletions.owner, access.principal ?? ""));
}

function toStored(row: ChatCompletionRow): StoredChatCompletion {
  return {
    ...(row.completion as unknown as ChatCompletion),
    input_messages: row.inputMessages as unknown as ChatMessage[],
  };
}
