import { z } from "zod";

/** Query of every cursor-paged list (`GET /v1/files`, `/v1/vector_stores`, …). */
export const CursorPageQuerySchema = z.object({
  after: z
    .string()
    .min(1)
    .optional()
    .describe("Return items after this id (exclusive); an id that names no item is an error naming `after`."),
  before: z
    .string()
    .min(1)
    .optional()
    .describe(
      "Return items before this id (exclusive); an id that names no item is an error naming `before`.",
    ),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Page size, 1–100."),
  order: z.enum(["asc", "desc"]).default("desc").describe("Sort by creation time."),
});
export type CursorPageQuery = z.infer<typeof CursorPageQuerySchema>;

/** `{object:'list', data, first_id, last_id, has_more}`, the OpenAI cursor page. */
export function cursorPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    object: z.literal("list"),
    data: z.array(item),
    first_id: z.string().nullable(),
    last_id: z.string().nullable(),
    has_more: z.boolean(),
  });
}
export interface CursorPage<T> {
  object: "list";
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}
