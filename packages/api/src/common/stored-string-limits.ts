/**
 * The longest value, in UTF-8 bytes, of each caller-supplied string stored in a btree-indexed
 * column. Postgres refuses an index entry over 2704 bytes (a third of a page) with an error that
 * would otherwise surface as a 500; the widest index, `vector_chunks` (store id, chunk id), stays
 * under it at 2 × 1024. These hold for every caller, in-process ones and ids nested in free-form
 * metadata included; the HTTP edge's stricter per-field limits (256 characters for ids, at most 768
 * bytes) come first for requests, and nothing the edge accepts is refused here.
 */
export const STORED_STRING_LIMITS = {
  /**
   * `registry_resources.identifier`: a model id (with its `provider_id/` prefix), shield id,
   * vector store id or tool group id, from the API or the run config; also its
   * `provider_resource_id` (a vector store's key in `vector_chunks` and `vector_io_stores`).
   */
  resourceId: 1024,
  /**
   * A model's `provider_model_id`: it resolves as an alias of the model, so it is what
   * `chat_completions.model` (indexed) records when a request names the model by it.
   */
  providerModelId: 1024,
  /** `vector_chunks.chunk_id` (primary key with the store id). */
  chunkId: 1024,
  /** `vector_chunks.document_id` (indexed with the store id), e.g. from chunk metadata. */
  documentId: 1024,
  /** An auth principal (run config): part of `registry_resources`' key as `owner_key`. */
  principal: 256,
} as const;
