import type { ConversationItem, CursorPage, ResponseObject } from "@llama-stack-ts/api";
import { and, eq, inArray, isNull, lt, or } from "drizzle-orm";
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

/** Statuses a response may still leave; the only ones `update` may overwrite. */
const UNFINISHED = ["queued", "in_progress"];

export interface ListStoredResponsesOptions {
  after?: string | undefined;
  limit: number;
  order: "asc" | "desc";
  model?: string | undefined;
}

/** Responses per owner, for `previous_response_id`, retrieval, listing and input items. */
export class ResponsesStore {
  constructor(private readonly db: StackDb) {}

  /** Stores a response; a queued or in-progress one is stamped as alive now. */
  async save(stored: StoredResponse, access: AccessContext, options: { background?: boolean } = {}) {
    const status = stored.response.status;
    await this.db.insert(responses).values({
      id: stored.response.id,
      owner: ownerFor(access),
      model: stored.response.model,
      response: storableJson(stored.response) as Record<string, unknown>,
      inputItems: storableJson(stored.inputItems) as Record<string, unknown>[],
      createdAt: new Date(stored.response.created_at * 1000),
      status,
      background: options.background ?? false,
      heartbeatAt: UNFINISHED.includes(status) ? new Date() : null,
    });
  }

  /**
   * Replaces an unfinished response (its run went on or ended). False when it had already ended,
   * e.g. cancelled meanwhile: a finished response is never overwritten.
   */
  async update(response: ResponseObject): Promise<boolean> {
    const updated = await this.db
      .update(responses)
      .set({
        response: storableJson(response) as Record<string, unknown>,
        status: response.status,
        heartbeatAt: UNFINISHED.includes(response.status) ? new Date() : null,
      })
      .where(and(eq(responses.id, response.id), inArray(responses.status, UNFINISHED)))
      .returning({ id: responses.id });
    return updated.length > 0;
  }

  /** Stamps the unfinished responses this server is running as alive. */
  async heartbeat(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .update(responses)
      .set({ heartbeatAt: new Date() })
      .where(and(inArray(responses.id, [...ids]), inArray(responses.status, UNFINISHED)));
  }

  /**
   * Fails the foreground responses whose server stopped renewing them before `staleBefore` (it
   * died mid-response); background ones belong to the job runner. Returns their ids.
   */
  async failAbandoned(staleBefore: Date, error: { code: string; message: string }): Promise<string[]> {
    const abandoned = and(
      inArray(responses.status, UNFINISHED),
      eq(responses.background, false),
      or(isNull(responses.heartbeatAt), lt(responses.heartbeatAt, staleBefore)),
    );
    const rows = await this.db
      .select({ id: responses.id, response: responses.response })
      .from(responses)
      .where(abandoned);
    const failed: string[] = [];
    for (const row of rows) {
      const response = { ...(row.response as ResponseObject), status: "failed" as const, error };
      const done = await this.db
        .update(responses)
        .set({
          response: storableJson(response) as Record<string, unknown>,
          status: "failed",
          heartbeatAt: null,
        })
        .where(and(eq(responses.id, row.id), abandoned))
        .returning({ id: responses.id });
      if (done.length > 0) failed.push(row.id);
    }
    return failed;
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

  /** Only its status (the mirrored column), for pollers: no JSON is read. */
  async findStatus(id: string, access: AccessContext): Promise<ResponseObject["status"] | undefined> {
    const [row] = await this.db
      .select({ status: responses.status })
      .from(responses)
      .where(and(eq(responses.id, id), visibleTo(responses.owner, access)));
    return row?.status as ResponseObject["status"] | undefined;
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
