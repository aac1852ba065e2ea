import {
  cursorPageSchema,
  ListVectorStoreFilesQuerySchema,
  ListVectorStoresQuerySchema,
  VectorStoreCreateRequestSchema,
  VectorStoreDeleteResponseSchema,
  VectorStoreFileBatchCreateRequestSchema,
  VectorStoreFileBatchSchema,
  VectorStoreFileContentQuerySchema,
  VectorStoreFileContentResponseSchema,
  VectorStoreFileCreateRequestSchema,
  VectorStoreFileDeleteResponseSchema,
  VectorStoreFileSchema,
  VectorStoreFileUpdateRequestSchema,
  VectorStoreSchema,
  VectorStoreSearchRequestSchema,
  VectorStoreSearchResponseSchema,
  VectorStoreUpdateRequestSchema,
} from "@llama-stack-ts/api";
import { z } from "zod";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";

const StoreParams = z.object({ vector_store_id: z.string().min(1) });
const StoreFileParams = StoreParams.extend({ file_id: z.string().min(1) });
const BatchParams = StoreParams.extend({ batch_id: z.string().min(1) });

export function vectorStoresRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: "POST",
      path: "/v1/vector_stores",
      api: "vector_io",
      summary: "Create a vector store; `file_ids` are attached and ingested in the background.",
      description:
        "Llama Stack extras `embedding_model`, `embedding_dimension` and `provider_id` may be top-level " +
        "keys or sit in `metadata` (which wins). Without `embedding_model` the config's " +
        "`vector_stores.default_embedding_model` is used, else the first embedding model.",
      body: VectorStoreCreateRequestSchema,
      response: VectorStoreSchema,
      handler: async ({ stack, body, call }) => stack.vectorStores.create(body, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/vector_stores",
      api: "vector_io",
      summary: "The caller's vector stores, newest first by default.",
      query: ListVectorStoresQuerySchema,
      response: cursorPageSchema(VectorStoreSchema),
      handler: async ({ stack, query, call }) => stack.vectorStores.list(query, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/vector_stores/{vector_store_id}",
      api: "vector_io",
      summary: "One vector store, with file counts.",
      params: StoreParams,
      response: VectorStoreSchema,
      handler: async ({ stack, params, call }) => stack.vectorStores.retrieve(params.vector_store_id, call),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/vector_stores/{vector_store_id}",
      api: "vector_io",
      summary: "Change a vector store's name, metadata or expiry.",
      params: StoreParams,
      body: VectorStoreUpdateRequestSchema,
      response: VectorStoreSchema,
      handler: async ({ stack, params, body, call }) =>
        stack.vectorStores.update(params.vector_store_id, body, call),
    }),
    defineRoute({
      method: "DELETE",
      path: "/v1/vector_stores/{vector_store_id}",
      api: "vector_io",
      summary: "Delete a vector store and its chunks.",
      params: StoreParams,
      response: VectorStoreDeleteResponseSchema,
      handler: async ({ stack, params, call }) => stack.vectorStores.delete(params.vector_store_id, call),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/vector_stores/{vector_store_id}/search",
      api: "vector_io",
      summary: "Search a vector store: vector, keyword or hybrid (`search_mode`), with attribute filters.",
      params: StoreParams,
      body: VectorStoreSearchRequestSchema,
      response: VectorStoreSearchResponseSchema,
      handler: async ({ stack, params, body, call }) =>
        stack.vectorStores.search(params.vector_store_id, body, call),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/vector_stores/{vector_store_id}/files",
      api: "vector_io",
      summary: "Attach a file; answers `in_progress` at once and ingests in the background.",
      params: StoreParams,
      body: VectorStoreFileCreateRequestSchema,
      response: VectorStoreFileSchema,
      handler: async ({ stack, params, body, call }) =>
        stack.vectorStores.attachFile(params.vector_store_id, body, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/vector_stores/{vector_store_id}/files",
      api: "vector_io",
      summary: "Files attached to a vector store; `filter` by status.",
      params: StoreParams,
      query: ListVectorStoreFilesQuerySchema,
      response: cursorPageSchema(VectorStoreFileSchema),
      handler: async ({ stack, params, query, call }) =>
        stack.vectorStores.listFiles(params.vector_store_id, query, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/vector_stores/{vector_store_id}/files/{file_id}",
      api: "vector_io",
      summary: "One attached file and its ingestion status.",
      params: StoreFileParams,
      response: VectorStoreFileSchema,
      handler: async ({ stack, params, call }) =>
        stack.vectorStores.retrieveFile(params.vector_store_id, params.file_id, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/vector_stores/{vector_store_id}/files/{file_id}/content",
      api: "vector_io",
      summary: "The chunks an attached file was split into, in order; embeddings and attributes on request.",
      params: StoreFileParams,
      query: VectorStoreFileContentQuerySchema,
      response: VectorStoreFileContentResponseSchema,
      handler: async ({ stack, params, query, call }) =>
        stack.vectorStores.fileContent(params.vector_store_id, params.file_id, query, call),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/vector_stores/{vector_store_id}/files/{file_id}",
      api: "vector_io",
      summary: "Replace an attached file's attributes; its chunks are updated in place, not re-embedded.",
      params: StoreFileParams,
      body: VectorStoreFileUpdateRequestSchema,
      response: VectorStoreFileSchema,
      handler: async ({ stack, params, body, call }) =>
        stack.vectorStores.updateFile(params.vector_store_id, params.file_id, body, call),
    }),
    defineRoute({
      method: "DELETE",
      path: "/v1/vector_stores/{vector_store_id}/files/{file_id}",
      api: "vector_io",
      summary: "Detach a file and delete its chunks (the file itself stays).",
      params: StoreFileParams,
      response: VectorStoreFileDeleteResponseSchema,
      handler: async ({ stack, params, call }) =>
        stack.vectorStores.deleteFile(params.vector_store_id, params.file_id, call),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/vector_stores/{vector_store_id}/file_batches",
      api: "vector_io",
      summary: "Attach several files at once; each is ingested in the background.",
      params: StoreParams,
      body: VectorStoreFileBatchCreateRequestSchema,
      response: VectorStoreFileBatchSchema,
      handler: async ({ stack, params, body, call }) =>
        stack.vectorStores.createBatch(params.vector_store_id, body, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/vector_stores/{vector_store_id}/file_batches/{batch_id}",
      api: "vector_io",
      summary: "A file batch with the counts of its files by status.",
      params: BatchParams,
      response: VectorStoreFileBatchSchema,
      handler: async ({ stack, params, call }) =>
        stack.vectorStores.retrieveBatch(params.vector_store_id, params.batch_id, call),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/vector_stores/{vector_store_id}/file_batches/{batch_id}/cancel",
      api: "vector_io",
      summary: "Cancel a batch: its files still in progress become `cancelled`.",
      params: BatchParams,
      response: VectorStoreFileBatchSchema,
      handler: async ({ stack, params, call }) =>
        stack.vectorStores.cancelBatch(params.vector_store_id, params.batch_id, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/vector_stores/{vector_store_id}/file_batches/{batch_id}/files",
      api: "vector_io",
      summary: "The batch's files; `filter` by status.",
      params: BatchParams,
      query: ListVectorStoreFilesQuerySchema,
      response: cursorPageSchema(VectorStoreFileSchema),
      handler: async ({ stack, params, query, call }) =>
        stack.vectorStores.listBatchFiles(params.vector_store_id, params.batch_id, query, call),
    }),
  ];
}
