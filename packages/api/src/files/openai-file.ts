import { z } from "zod";
import { CursorPageQuerySchema } from "../common/cursor-page.ts";

/** What a file is for; `assistants` and `batch` are Llama Stack's, the rest are accepted as OpenAI does. */
export const FilePurposeSchema = z
  .enum(["assistants", "batch", "fine-tune", "vision", "user_data", "evals"])
  .meta({ id: "FilePurpose" });
export type FilePurpose = z.infer<typeof FilePurposeSchema>;

/** The OpenAI file object (`POST /v1/files`, `GET /v1/files/{file_id}`). */
export const OpenAIFileSchema = z
  .object({
    id: z.string().describe("`file-…`"),
    object: z.literal("file"),
    bytes: z.number().int().nonnegative(),
    created_at: z.number().int().describe("Unix seconds."),
    expires_at: z
      .number()
      .int()
      .nullable()
      .optional()
      .describe("Unix seconds; absent when it never expires."),
    filename: z.string(),
    purpose: FilePurposeSchema,
  })
  .meta({ id: "OpenAIFile" });
export type OpenAIFile = z.infer<typeof OpenAIFileSchema>;

export const OpenAIFileDeleteResponseSchema = z
  .object({ id: z.string(), object: z.literal("file"), deleted: z.literal(true) })
  .meta({ id: "OpenAIFileDeleteResponse" });
export type OpenAIFileDeleteResponse = z.infer<typeof OpenAIFileDeleteResponseSchema>;

/** `GET /v1/files`: a cursor page; like OpenAI, up to 10,000 files per page and that by default. */
export const ListFilesQuerySchema = CursorPageQuerySchema.pick({ after: true, order: true }).extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(10_000).describe("Page size, 1–10,000."),
  purpose: FilePurposeSchema.optional().describe("Only files with this purpose."),
});
export type ListFilesQuery = z.infer<typeof ListFilesQuerySchema>;
