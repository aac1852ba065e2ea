import { type CursorPage, NotFoundError } from "@llama-stack-ts/api";
import { and, asc, desc, eq, gt, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { StackDb } from "./database.ts";

export interface CursorPageOptions {
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
  order: "asc" | "desc";
}

export interface CursorPageSource<T extends PgTable> {
  table: T;
  /** Rows are ordered by (createdAt, key); `key` is the id a cursor names. */
  createdAt: PgColumn;
  key: PgColumn;
  /** What a cursor must name a row within: ownership, the parent (a store's files). */
  scope: (SQL | undefined)[];
  /** Further filters of the list (purpose, status, …); a cursor row need not pass them. */
  filters?: (SQL | undefined)[];
  /** Names the resource in the 404 for an unknown cursor, e.g. "File". */
  resource: string;
  keyOf: (row: T["$inferSelect"]) => string;
}

/**
 * One OpenAI cursor page, newest first by default. `after` pages on from its row; `before` (alone)
 * reads backwards from its row and still answers in `order`. A cursor that names no row the caller
 * can see is a 404 naming it (`param: "after"`), as the files API always answered, never an
 * unpaged list: a client paging on would otherwise loop over the first page.
 */
export async function readCursorPage<T extends PgTable>(
  db: StackDb,
  source: CursorPageSource<T>,
  options: CursorPageOptions,
): Promise<CursorPage<T["$inferSelect"]>> {
  const conditions = [...source.scope, ...(source.filters ?? [])];
  const backwards = options.before !== undefined && options.after === undefined;
  for (const [param, cursor] of [
    ["after", options.after],
    ["before", options.before],
  ] as const) {
    if (cursor === undefined) continue;
    const [anchor] = await db
      .select({ createdAt: source.createdAt, key: source.key })
      .from(source.table as PgTable)
      .where(and(eq(source.key, cursor), ...source.scope));
    if (!anchor)
      throw new NotFoundError(source.resource, cursor, "Page with an id from the previous page.", {
        param,
      });
    const beyond = (options.order === "desc") === (param === "after") ? lt : gt;
    conditions.push(
      or(
        beyond(source.createdAt, anchor.createdAt),
        and(eq(source.createdAt, anchor.createdAt), beyond(source.key, anchor.key)),
      ),
    );
  }
  const direction = (options.order === "asc") !== backwards ? asc : desc;
  const rows = (await db
    .select()
    .from(source.table as PgTable)
    .where(and(...conditions))
    .orderBy(direction(source.createdAt), direction(source.key))
    .limit(options.limit + 1)) as T["$inferSelect"][];
  const data = rows.slice(0, options.limit);
  if (backwards) data.reverse();
  const first = data[0];
  const last = data.at(-1);
  return {
    object: "list",
    data,
    first_id: first ? source.keyOf(first) : null,
    last_id: last ? source.keyOf(last) : null,
    has_more: rows.length > options.limit,
  };
}
