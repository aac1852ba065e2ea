import { z } from "zod";
import { CursorPageQuerySchema } from "../common/cursor-page.ts";
import { VectorStoreChunkingStrategySchema } from "./vector-store.ts";

export const VectorStoreFileStatusSchema = z.enum(["in_progress", "completed", "cancelled", "failed"]);
export type VectorStoreFileStatus = z.infer<typeof VectorStoreFileStatusSchema>;

/** A file attached to a vector store and where its ingestion stands. */
export const VectorStoreFileSchema = z
  .object({
    id: z.string().describe("The file's id (`file-…`)."),
    object: z.literal("vector_store.file"),
    vector_store_id: z.string(),
    created_at: z.number().int().describe("Unix seconds."),
    status: VectorStoreFileStatusSchema,
    usage_bytes: z.number().int(),
    chunking_strategy: VectorStoreChunkingStrategySchema,
    attributes: z.record(z.string(), z.unknown()),
    last_error: z
      .object({ code: z.enum(["server_error", "rate_limit_exceeded"]), message: z.string() })
      .nullable(),
  })
  .meta({ id: "VectorStoreFile" });
export type VectorStoreFile = z.infer<typeof VectorStoreFileSchema>;

export const VectorStoreFileCreateRequestSchema = z
  .looseObject({
    file_id: z.string().min(1),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    chunking_strategy: VectorStoreChunkingStrategySchema.optional(),
  })
  .meta({ id: "VectorStoreFileCreateRequest" });
export type VectorStoreFileCreateRequest = z.infer<typeof VectorStoreFileCreateRequestSchema>;

export const ListVectorStoreFilesQuerySchema = CursorPageQuerySchema.extend({
  filter: VectorStoreFileStatusSchema.optional().describe("Only files with this status."),
});
export type ListVectorStoreFilesQuery = z.infer<typeof ListVectorStoreFilesQuerySchema>;

export const VectorStoreFileDeleteResponseSchema = z
  .object({ id: z.string(), object: z.literal("vector_store.file.deleted"), deleted: z.literal(true) })
  .meta({ id: "VectorStoreFileDeleteResponse" });
export type VectorStoreFileDeleteResponse = z.infer<typeof VectorStoreFileDeleteResponseSchema>;

export const VectorStoreFileUpdateRequestSchema = z
  .looseObject({
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullable(),
  })
  .meta({ id: "VectorStoreFileUpdateRequest" });
export type VectorStoreFileUpdateRequest = z.infer<typeof VectorStoreFileUpdateRequestSchema>;

/** Query-string booleans as clients send them (`true`/`false`, `1`/`0`). */
const QueryFlagSchema = z.stringbool().optional();

export const VectorStoreFileContentQuerySchema = z.object({
  include_embeddings: QueryFlagSchema.describe("Include each chunk's embedding vector."),
  include_metadata: QueryFlagSchema.describe("Include each chunk's attributes (`metadata`)."),
});
export type VectorStoreFileContentQuery = z.infer<typeof VectorStoreFileContentQuerySchema>;

/** The chunks a file was split into, in document order (one page: `has_more` is always false). */
export const VectorStoreFileContentResponseSchema = z
  .object({
    object: z.literal("vector_store.file_content.page"),
    data: z.array(
      z.object({
        type: z.literal("text"),
        text: z.string(),
        chunk_metadata: z.looseObject({ chunk_id: z.string(), document_id: z.string().nullable() }),
        embedding: z.array(z.number()).optional(),
        metadata: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
    has_more: z.boolean(),
    next_page: z.string().nullable(),
  })
  .meta({ id: "VectorStoreFileContentResponse" });
export type VectorStoreFileContentResponse = z.infer<typeof VectorStoreFileContentResponseSchema>;
