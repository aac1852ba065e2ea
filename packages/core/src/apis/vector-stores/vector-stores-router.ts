import {
  type ApiCall,
  type CursorPage,
  type DocumentChunker,
  type InferenceApi,
  type ListVectorStoreFilesQuery,
  type ListVectorStoresQuery,
  type Logger,
  NotFoundError,
  NotImplementedError,
  newId,
  StackError,
  type VectorIoApi,
  type VectorStore,
  type VectorStoreCreateRequest,
  type VectorStoreDeleteResponse,
  type VectorStoreFile,
  type VectorStoreFileBatch,
  type VectorStoreFileBatchCreateRequest,
  type VectorStoreFileContentQuery,
  type VectorStoreFileContentResponse,
  type VectorStoreFileCreateRequest,
  type VectorStoreFileDeleteResponse,
  type VectorStoreFileUpdateRequest,
  type VectorStoreResource,
  type VectorStoreSearchRequest,
  type VectorStoreSearchResponse,
  type VectorStoresApi,
  type VectorStoreUpdateRequest,
} from "@llama-stack-ts/api";
import { z } from "zod";
import { type AccessContext, ownerFor } from "../../auth/access-context.ts";
import type { ModelsTable } from "../../resource-tables/models-table.ts";
import type { ResourceTable } from "../../resource-tables/resource-table.ts";
import type { ProviderSet } from "../../stack/provider-set.ts";
import type { VectorStoreFileBatchRow, VectorStoreFileRow, VectorStoreRow } from "../../storage/schema.ts";
import type { FilesRouter } from "../files/files-router.ts";
import { stringOrUndefined } from "../vector-io/string-or-undefined.ts";
import { vectorIoProviderOf } from "../vector-io/vector-io-provider-of.ts";
import { FileIngestion, leaseUntil } from "./file-ingestion.ts";
import { pickEmbeddingDimension } from "./pick-embedding-dimension.ts";
import { pickEmbeddingModel } from "./pick-embedding-model.ts";
import { pickVectorIoProvider } from "./pick-vector-io-provider.ts";
import { RewriteQueryParamsSchema, rewriteQuery } from "./rewrite-query.ts";
import { seconds, toVectorStoreFile } from "./to-vector-store-file.ts";
import type { VectorStoresStore } from "./vector-stores-store.ts";

/** The run config's `vector_stores` section, as far as this router reads it. */
const VectorStoresConfigSchema = z.looseObject({
  default_embedding_model: z.object({ provider_id: z.string(), model_id: z.string() }).nullish(),
  default_provider_id: z.string().nullish(),
  rewrite_query_params: RewriteQueryParamsSchema.nullish(),
});

export interface VectorStoresRouterOptions {
  store: VectorStoresStore;
  models: ModelsTable;
  routing: ResourceTable<VectorStoreResource>;
  providers: ProviderSet;
  inference: InferenceApi;
  vectorIo: VectorIoApi;
  files: FilesRouter;
  logger: Logger;
  /** The run config's `vector_stores` section. */
  config?: Record<string, unknown> | null | undefined;
  /** Parses and chunks attached files; without it every attached file fails. */
  chunker?: DocumentChunker | undefined;
}

const AUTO = { type: "auto" } as const;
const HINT = "List vector stores with GET /v1/vector_stores.";

/**
 * `/v1/vector_stores` for every caller: store rows and attached files in the Stack's database, the
 * store registered in the vector-stores routing table, chunks with its vector_io provider. Attached
 * files are ingested in the background (parse, chunk, embed, insert).
 */
export class VectorStoresRouter implements VectorStoresApi {
  private readonly config: z.infer<typeof VectorStoresConfigSchema>;
  /** Background ingestion of attached files, and its crash recovery. */
  readonly ingestion: FileIngestion;

  constructor(private readonly options: VectorStoresRouterOptions) {
    this.config = VectorStoresConfigSchema.parse(options.config ?? {});
    this.ingestion = new FileIngestion(options);
  }

  async create(request: VectorStoreCreateRequest, call: ApiCall): Promise<VectorStore> {
    const metadata = request.metadata ?? {};
    const extra = (key: string) => metadata[key] ?? request[key];
    const providerId = pickVectorIoProvider(
      this.options.providers,
      stringOrUndefined(extra("provider_id")),
      this.config.default_provider_id,
    );
    const model = await pickEmbeddingModel(
      this.options.models,
      stringOrUndefined(extra("embedding_model")),
      this.config.default_embedding_model,
      call.access,
    );
    const dimension = pickEmbeddingDimension(model, extra("embedding_dimension"));
    if (request.chunking_strategy) this.options.chunker?.checkStrategy(request.chunking_strategy);
    const now = new Date();
    const row: VectorStoreRow = {
      id: newId("vectorStore"),
      owner: ownerFor(call.access),
      name: request.name ?? null,
      providerId,
      embeddingModel: model.identifier,
      embeddingDimension: dimension,
      metadata,
      chunkingStrategy: request.chunking_strategy ?? null,
      expiresAfter: request.expires_after ?? null,
      expiresAt: request.expires_after
        ? new Date(now.getTime() + request.expires_after.days * 86_400_000)
        : null,
      lastActiveAt: now,
      createdAt: now,
    };
    await vectorIoProviderOf(this.options.providers, providerId).createStore({ id: row.id, dimension }, {});
    await this.options.store.insert(row);
    await this.options.routing.register(
      {
        identifier: row.id,
        provider_id: providerId,
        provider_resource_id: row.id,
        embedding_model: model.identifier,
        embedding_dimension: dimension,
        ...(row.name ? { vector_store_name: row.name } : {}),
        type: "vector_store",
      },
      call.access,
    );
    for (const fileId of request.file_ids ?? []) await this.attachFile(row.id, { file_id: fileId }, call);
    return this.toVectorStore(row);
  }

  async list(query: ListVectorStoresQuery, call: ApiCall): Promise<CursorPage<VectorStore>> {
    const page = await this.options.store.list(query, call.access);
    return { ...page, data: await Promise.all(page.data.map((row) => this.toVectorStore(row))) };
  }

  async retrieve(id: string, call: ApiCall): Promise<VectorStore> {
    return this.toVectorStore(await this.find(id, call.access));
  }

  async update(id: string, request: VectorStoreUpdateRequest, call: ApiCall): Promise<VectorStore> {
    const row = await this.find(id, call.access);
    const set: Partial<VectorStoreRow> = { lastActiveAt: new Date() };
    if (request.name !== undefined) set.name = request.name;
    if (request.metadata !== undefined) set.metadata = request.metadata ?? {};
    if (request.expires_after !== undefined) {
      set.expiresAfter = request.expires_after;
      set.expiresAt = request.expires_after
        ? new Date(Date.now() + request.expires_after.days * 86_400_000)
        : null;
    }
    await this.options.store.update(id, set);
    return this.toVectorStore({ ...row, ...set });
  }

  /** Chunks first, then the routing entry and the rows. */
  async delete(id: string, call: ApiCall): Promise<VectorStoreDeleteResponse> {
    const row = await this.find(id, call.access);
    await vectorIoProviderOf(this.options.providers, row.providerId).deleteStore(row.id, {});
    await this.options.routing.unregister(row.id, call.access).catch((error: unknown) => {
      if (!(StackError.isInstance(error) && error.kind === "not_found")) throw error;
    });
    await this.options.store.delete(row.id);
    return { id: row.id, object: "vector_store.deleted", deleted: true };
  }

  async search(
    id: string,
    request: VectorStoreSearchRequest,
    call: ApiCall,
  ): Promise<VectorStoreSearchResponse> {
    const row = await this.find(id, call.access);
    const asked = typeof request.query === "string" ? [request.query] : request.query;
    const queries = request.rewrite_query
      ? [
          await rewriteQuery(
            asked.join(" "),
            this.config.rewrite_query_params ?? undefined,
            this.options.inference,
            call,
          ),
        ]
      : asked;
    const ranking = request.ranking_options;
    const result = await this.options.vectorIo.query(
      {
        vector_store_id: row.id,
        query: queries.join(" "),
        params: {
          max_chunks: request.max_num_results,
          mode: request.search_mode,
          score_threshold: ranking?.score_threshold ?? 0,
          ...(ranking?.ranker === "weighted"
            ? { reranker_type: "weighted" as const, reranker_params: { alpha: ranking.alpha ?? 0.5 } }
            : {
                reranker_type: "rrf" as const,
                reranker_params: { impact_factor: ranking?.impact_factor ?? 60 },
              }),
          ...(request.filters ? { filters: request.filters } : {}),
        },
      },
      call,
    );
    await this.options.store.update(row.id, { lastActiveAt: new Date() });
    return {
      object: "vector_store.search_results.page",
      search_query: queries,
      data: result.chunks.map((chunk, i) => ({
        file_id: stringOrUndefined(chunk.metadata.document_id) ?? chunk.chunk_metadata?.document_id ?? null,
        filename: stringOrUndefined(chunk.metadata.filename) ?? null,
        score: result.scores[i] ?? 0,
        attributes: chunk.metadata,
        content: [{ type: "text" as const, text: typeof chunk.content === "string" ? chunk.content : "" }],
      })),
      has_more: false,
      next_page: null,
    };
  }

  /** Attach (or re-attach) a file; ingestion runs in the background, the row says how it went. */
  async attachFile(
    storeId: string,
    request: VectorStoreFileCreateRequest,
    call: ApiCall,
  ): Promise<VectorStoreFile> {
    const store = await this.find(storeId, call.access);
    const file = await this.options.files.retrieve(request.file_id, call);
    const strategy = request.chunking_strategy ?? store.chunkingStrategy ?? AUTO;
    this.options.chunker?.checkStrategy(strategy);
    const row: VectorStoreFileRow = {
      vectorStoreId: store.id,
      fileId: file.id,
      status: "in_progress",
      attributes: request.attributes ?? {},
      chunkingStrategy: strategy,
      lastError: null,
      usageBytes: 0,
      createdAt: new Date(),
      leaseExpiresAt: leaseUntil(),
      attempts: 0,
    };
    await this.options.store.upsertFile(row);
    this.ingestion.enqueue(store, row, file.filename, call.access);
    return toVectorStoreFile(row);
  }

  /** New attributes live in every chunk's metadata, so the file is ingested again. */
  async updateFile(
    storeId: string,
    fileId: string,
    request: VectorStoreFileUpdateRequest,
    call: ApiCall,
  ): Promise<VectorStoreFile> {
    const row = await this.findFile(storeId, fileId, call.access);
    return this.attachFile(
      storeId,
      {
        file_id: row.fileId,
        attributes: (request.attributes ?? {}) as VectorStoreFileCreateRequest["attributes"],
        chunking_strategy: row.chunkingStrategy as VectorStoreFileCreateRequest["chunking_strategy"],
      },
      call,
    );
  }

  async listFiles(
    storeId: string,
    query: ListVectorStoreFilesQuery,
    call: ApiCall,
  ): Promise<CursorPage<VectorStoreFile>> {
    const store = await this.find(storeId, call.access);
    const page = await this.options.store.listFiles(store.id, { ...query, status: query.filter });
    return { ...page, data: page.data.map(toVectorStoreFile) };
  }

  async retrieveFile(storeId: string, fileId: string, call: ApiCall): Promise<VectorStoreFile> {
    return toVectorStoreFile(await this.findFile(storeId, fileId, call.access));
  }

  /** The chunks an attached file was split into, as stored (after ingestion completed). */
  async fileContent(
    storeId: string,
    fileId: string,
    query: VectorStoreFileContentQuery,
    call: ApiCall,
  ): Promise<VectorStoreFileContentResponse> {
    const row = await this.findFile(storeId, fileId, call.access);
    const store = await this.find(storeId, call.access);
    const provider = vectorIoProviderOf(this.options.providers, store.providerId);
    if (typeof provider.listDocumentChunks !== "function") {
      throw new NotImplementedError(`Vector_io provider '${store.providerId}' cannot list a file's chunks.`);
    }
    const chunks = await provider.listDocumentChunks(store.id, row.fileId, {
      includeEmbeddings: query.include_embeddings ?? false,
    });
    return {
      object: "vector_store.file_content.page",
      data: chunks.map((chunk) => ({
        type: "text" as const,
        text: chunk.content,
        chunk_metadata: { chunk_id: chunk.chunkId, document_id: chunk.documentId ?? null },
        ...(query.include_embeddings ? { embedding: chunk.embedding } : {}),
        ...(query.include_metadata ? { metadata: chunk.metadata } : {}),
      })),
      has_more: false,
      next_page: null,
    };
  }

  async deleteFile(storeId: string, fileId: string, call: ApiCall): Promise<VectorStoreFileDeleteResponse> {
    const row = await this.findFile(storeId, fileId, call.access);
    const store = await this.find(storeId, call.access);
    await this.ingestion.deleteChunks(store, fileId);
    await this.options.store.deleteFile(row.vectorStoreId, row.fileId);
    return { id: fileId, object: "vector_store.file.deleted", deleted: true };
  }

  /** Attach several files at once; every file is checked before any is attached. */
  async createBatch(
    storeId: string,
    request: VectorStoreFileBatchCreateRequest,
    call: ApiCall,
  ): Promise<VectorStoreFileBatch> {
    const store = await this.find(storeId, call.access);
    const fileIds = [...new Set(request.file_ids)];
    for (const fileId of fileIds) await this.options.files.retrieve(fileId, call);
    const row: VectorStoreFileBatchRow = {
      id: newId("vectorStoreFileBatch"),
      vectorStoreId: store.id,
      fileIds,
      status: "in_progress",
      createdAt: new Date(),
    };
    await this.options.store.insertBatch(row);
    for (const fileId of fileIds) {
      await this.attachFile(
        store.id,
        {
          file_id: fileId,
          ...(request.attributes ? { attributes: request.attributes } : {}),
          ...(request.chunking_strategy ? { chunking_strategy: request.chunking_strategy } : {}),
        },
        call,
      );
    }
    return this.toBatch(row);
  }

  async retrieveBatch(storeId: string, batchId: string, call: ApiCall): Promise<VectorStoreFileBatch> {
    return this.toBatch(await this.findBatch(storeId, batchId, call.access));
  }

  /** Files still waiting become `cancelled`; their ingestion result is dropped. */
  async cancelBatch(storeId: string, batchId: string, call: ApiCall): Promise<VectorStoreFileBatch> {
    const row = await this.findBatch(storeId, batchId, call.access);
    const { fileCounts } = await this.options.store.usage(row.vectorStoreId, row.fileIds);
    if (row.status === "in_progress" && fileCounts.in_progress > 0) {
      await this.options.store.cancelFiles(row.vectorStoreId, row.fileIds);
      await this.options.store.setBatchStatus(row.id, "cancelled");
      row.status = "cancelled";
    }
    return this.toBatch(row);
  }

  async listBatchFiles(
    storeId: string,
    batchId: string,
    query: ListVectorStoreFilesQuery,
    call: ApiCall,
  ): Promise<CursorPage<VectorStoreFile>> {
    const batch = await this.findBatch(storeId, batchId, call.access);
    const page = await this.options.store.listFiles(batch.vectorStoreId, {
      ...query,
      status: query.filter,
      fileIds: batch.fileIds,
    });
    return { ...page, data: page.data.map(toVectorStoreFile) };
  }

  private async find(id: string, access: AccessContext): Promise<VectorStoreRow> {
    const row = await this.options.store.find(id, access);
    if (!row) throw new NotFoundError("Vector store", id, HINT);
    return row;
  }

  private async findFile(
    storeId: string,
    fileId: string,
    access: AccessContext,
  ): Promise<VectorStoreFileRow> {
    const store = await this.find(storeId, access);
    const row = await this.options.store.findFile(store.id, fileId);
    if (!row) throw new NotFoundError("File", fileId, `It is not attached to vector store '${storeId}'.`);
    return row;
  }

  private async findBatch(storeId: string, batchId: string, access: AccessContext) {
    const store = await this.find(storeId, access);
    const row = await this.options.store.findBatch(store.id, batchId);
    if (!row)
      throw new NotFoundError("File batch", batchId, `It does not belong to vector store '${storeId}'.`);
    return row;
  }

  private async toBatch(row: VectorStoreFileBatchRow): Promise<VectorStoreFileBatch> {
    const { fileCounts } = await this.options.store.usage(row.vectorStoreId, row.fileIds);
    const status =
      row.status === "cancelled"
        ? "cancelled"
        : fileCounts.in_progress > 0
          ? "in_progress"
          : fileCounts.failed === fileCounts.total && fileCounts.total > 0
            ? "failed"
            : "completed";
    return {
      id: row.id,
      object: "vector_store.files_batch",
      vector_store_id: row.vectorStoreId,
      created_at: seconds(row.createdAt),
      status,
      file_counts: fileCounts,
    };
  }

  private async toVectorStore(row: VectorStoreRow): Promise<VectorStore> {
    const { fileCounts, usageBytes } = await this.options.store.usage(row.id);
    return {
      id: row.id,
      object: "vector_store",
      created_at: seconds(row.createdAt),
      name: row.name,
      usage_bytes: usageBytes,
      file_counts: fileCounts,
      status: fileCounts.in_progress > 0 ? "in_progress" : "completed",
      expires_after: row.expiresAfter,
      expires_at: row.expiresAt ? seconds(row.expiresAt) : null,
      last_active_at: row.lastActiveAt ? seconds(row.lastActiveAt) : null,
      metadata: row.metadata,
    };
  }
}
