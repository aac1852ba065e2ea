import { type ConversationItem, type CursorPage, NotFoundError } from "@llama-stack-ts/api";

/**
 * One cursor page of a response's input items (kept in one row, so paged here): `order` desc
 * (newest first) by default; an `after`/`before` that names no item is a 404 naming it.
 */
export function pageItems(
  items: ConversationItem[],
  query: { after?: string | undefined; before?: string | undefined; limit: number; order: "asc" | "desc" },
): CursorPage<ConversationItem> {
  const ordered = query.order === "asc" ? items : [...items].reverse();
  const indexOf = (param: "after" | "before", id: string) => {
    const index = ordered.findIndex((item) => item.id === id);
    if (index < 0) throw new NotFoundError("Input item", id, undefined, { param });
    return index;
  };
  const start = query.after === undefined ? 0 : indexOf("after", query.after) + 1;
  const end = query.before === undefined ? ordered.length : indexOf("before", query.before);
  const window = ordered.slice(start, Math.max(start, end));
  const data =
    query.before !== undefined && query.after === undefined
      ? window.slice(-query.limit)
      : window.slice(0, query.limit);
  return {
    object: "list",
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: data.length < window.length,
  };
}
