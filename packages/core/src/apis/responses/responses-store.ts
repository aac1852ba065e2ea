import type { ConversationItem, CursorPage, ResponseObject } from "@llama-stack-ts/api";
import { and, eq } from "drizzle-orm";
import type { AccessContext } from "../../auth/access-context.ts";
import { ownerFor } from "../../auth/access-context.ts";
import { visibleTo } from "../../auth/visible-to.ts";
import type { StackDb } from "../../storage/database.ts";
import { readCursorPage } from "../../storage/read-cursor-page.ts";
import { responses } from "../../storage/schema.ts";
import { storableJson } from "../../storage/storable-json.ts";

/** One stored response: what it answered and every input item it was given, oldest first. */
export interface StoredResponse {
  response: ResponseObject;
  inputItems: ConversationItem[];
}

export interface ListStoredResponsesOptions {
  after?: string | undefined;
  limit: number;
  order: "asc" | "desc";
  model?: string | undefined;
}

/** Responses per owner, for `previous_response_id`, retrieval, listing and input items. */
export class ResponsesStore {
  constructor(private readonly db: StackDb) {}

  async save(stored: StoredResponse, access: AccessContext): Promise<void> {
    await this.db.insert(responses).values({
      id: stored.response.id,
      owner: ownerFor(access),
      model: stored.response.model,
      response: storableJson(stored.response) as Record<string, unknown>,
      inputItems: storableJson(stored.inputItems) as Record<string, unknown>[],
      createdAt: new Date(stored.response.created_at * 1000),
    });
  }

  /** The response if this caller may see it. */
  async find(id: string, access: AccessContext): Promise<StoredResponse | undefined> {
    const [row] = await this.db
      .select()
      .from(responses)
      .where(and(eq(responses.id, id), visibleTo(responses.owner, access)));
    if (!row) return undefined;
    return { response: row.response as ResponseObject, inputItems: row.inputItems as ConversationItem[] };
  }

  async list(
    access: AccessContext,
    options: ListStoredResponsesOptions,
  ): Promise<CursorPage<ResponseObject>> {
    const page = await readCursorPage(
      this.db,
      {
        table: responses,
        createdAt: responses.createdAt,
        key: responses.id,
        scope: [visibleTo(responses.owner, access)],
        filters: [options.model === undefined ? undefined : eq(responses.model, options.model)],
        resource: "Response",
        keyOf: (row) => row.id,
      },
      options,
    );
    return { ...page, data: page.data.map((row) => row.response as ResponseObject) };
  }

  /** True when this call removed it. */
  async delete(id: string, access: AccessContext): Promise<boolean> {
    const removed = await this.db
      .delete(responses)
      .where(and(eq(responses.id, id), visibleTo(responses.owner, access)))
      .returning({ id: responses.id });
    return removed.length > 0;
  }
}
