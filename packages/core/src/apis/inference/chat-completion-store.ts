import {
  type ChatCompletion,
  type ChatMessage,
  type CursorPage,
  NotFoundError,
  type StoredChatCompletion,
} from "@llama-stack-ts/api";
import { and, eq } from "drizzle-orm";
import type { AccessContext } from "../../auth/access-context.ts";
import { ownerFor } from "../../auth/access-context.ts";
import { visibleTo } from "../../auth/visible-to.ts";
import type { StackDb } from "../../storage/database.ts";
import { readCursorPage } from "../../storage/read-cursor-page.ts";
import { type ChatCompletionRow, chatCompletions } from "../../storage/schema.ts";
import { storableJson } from "../../storage/storable-json.ts";

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
    // A stream's last chunks sit corked in the socket until the event loop turns; the insert
    // (PGlite runs it on this thread) would otherwise hold them back by a millisecond or more.
    await new Promise((resolve) => setImmediate(resolve));
    await this.db
      .insert(chatCompletions)
      .values({
        id: completion.id,
        owner: ownerFor(access),
        model: completion.model,
        // Insertion time, finer than `created` (seconds), keeps the list order stable.
        createdAt: new Date(),
        // In-process callers skip the HTTP edge, and a model may write a NUL: store, don't fail.
        completion: storableJson(completion) as unknown as Record<string, unknown>,
        inputMessages: storableJson(inputMessages) as unknown as Record<string, unknown>[],
      })
      .onConflictDoNothing();
  }

  async get(id: string, access: AccessContext): Promise<StoredChatCompletion> {
    const [row] = await this.db
      .select()
      .from(chatCompletions)
      .where(and(eq(chatCompletions.id, id), visibleTo(chatCompletions.owner, access)));
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
    const page = await readCursorPage(
      this.db,
      {
        table: chatCompletions,
        createdAt: chatCompletions.createdAt,
        key: chatCompletions.id,
        scope: [visibleTo(chatCompletions.owner, access)],
        filters: [query.model ? eq(chatCompletions.model, query.model) : undefined],
        resource: "Chat completion",
        keyOf: (row) => row.id,
      },
      query,
    );
    return { ...page, data: page.data.map(toStored) };
  }
}

function toStored(row: ChatCompletionRow): StoredChatCompletion {
  return {
    ...(row.completion as unknown as ChatCompletion),
    input_messages: row.inputMessages as unknown as ChatMessage[],
  };
}
