import {
  type CursorPage,
  type DocumentChunker,
  InvalidRequestError,
  type ListVectorStoreFilesQuery,
  type ListVectorStoresQuery,
  type Logger,
  type Model,
  NotFoundError,
  NotImplementedError,
  newId,
  ServiceUnavailableError,
  StackError,
  type VectorChunk,
  type VectorIoProvider,
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
  type VectorStoreUpdateRequest,
} from "@llama-stack-ts/api";
import { z } from "zod";
import { type AccessContext, ownerFor } from "../auth/access-context.ts";
import type { ModelsTable } from "../routing/models-table.ts";
import type { ResourceTable } from "../routing/resource-table.ts";
import type { ProviderSet } from "../stack/provider-set.ts";
import type { VectorStoreFileBatchRow, VectorStoreFileRow, VectorStoreRow } from "../storage/schema.ts";
import type { VectorStoresStore } from "../stores/vector-stores-store.ts";
import { ConcurrencyLimit } from "./concurrency-limit.ts";
import type { FilesRouter } from "./files-router.ts";
import type { InferenceRouter } from "./inference-router.ts";
import { pickEmbeddingDimension } from "./pick-embedding-dimension.ts";
import { RewriteQueryParamsSchema, rewriteQuery } from "./rewrite-query.ts";
import { stringOrUndefined } from "./string-or-undefined.ts";
import { seconds, toVectorStoreFile } from "./to-vector-store-file.ts";
import type { VectorIoRouter } from "./vector-io-router.ts";

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
  inference: InferenceRouter;
  vectorIo: VectorIoRouter;
  files: FilesRouter;
  logger: Logger;
  /** The run config's `vector_stores` section. */
  config?: Record<string, unknown> | null | undefined;
  /** Parses and chunks attached files; without it every attached file fails. */
  chunker?: DocumentChunker | undefined;
}

/** Chunks per embeddings call while ingesting a file. */
const EMBED_BATCH = 32;
/** Files ingested at once (upstream processes 3 concurrently); the rest wait their turn. */
const INGEST_CONCURRENCY = 3;
const AUTO = { type: "auto" } as const;
/** A replica holds an in_progress file this long without renewing before others take it over. */
const LEASE_MS = 120_000;
const LEASE_RENEW_MS = 30_000;
const RECOVERY_SWEEP_MS = 60_000;
/** A file that keeps taking the server down with it (say, a pathological PDF) is failed, not retried forever. */
const MAX_INGEST_ATTEMPTS = 3;

const leaseUntil = () => new Date(Date.now() + LEASE_MS);
const HINT = "List vector stores with GET /v1/vector_stores.";

/**
 * `/v1/vector_stores` for every caller: store rows and attached files in the Stack's database, the
 * store registered in the vector-stores routing table, chunks with its vector_io provider. Attached
 * files are ingested in the background (parse, chunk, embed, insert).
 */
export class VectorStoresRouter {
  private readonly config: z.infer<typeof VectorStoresConfigSchema>;
  private readonly running = new Set<Promise<void>>();
  private readonly ingestion = new ConcurrencyLimit(INGEST_CONCURRENCY);
  /** Files this replica has queued or is ingesting; their leases are renewed while they are. */
  private readonly held = new Map<string, { file: { storeId: string; fileId: string }; tasks: number }>();
  private readonly skipped: { storeId: string; fileId: string }[] = [];
  private closing = false;
  private stopBackground: () => void = () => {};

  constructor(private readonly options: VectorStoresRouterOptions) {
    this.config = VectorStoresConfigSchema.parse(options.config ?? {});
  }

  async create(request: VectorStoreCreateRequest, access: AccessContext): Promise<VectorStore> {
    const metadata = request.metadata ?? {};
    const extra = (key: string) => metadata[key] ?? request[key];
    const providerId = this.pickProvider(stringOrUndefined(extra("provider_id")));
    const model = await this.pickEmbeddingModel(stringOrUndefined(extra("embedding_model")), access);
    const dimension = pickEmbeddingDimension(model, extra("embedding_dimension"));
    if (request.chunking_strategy) this.options.chunker?.checkStrategy(request.chunking_strategy);
    const now = new Date();
    const row: VectorStoreRow = {
      id: newId("vectorStore"),
      owner: ownerFor(access),
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
    await this.provider(providerId).createStore({ id: row.id, dimension }, {});
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
      access,
    );
    for (const fileId of request.file_ids ?? []) await this.attachFile(row.id, { file_id: fileId }, access);
    return this.toVectorStore(row);
  }

  async list(query: ListVectorStoresQuery, access: AccessContext): Promise<CursorPage<VectorStore>> {
    const page = await this.options.store.list(query, access);
    return { ...page, data: await Promise.all(page.data.map((row) => this.toVectorStore(row))) };
  }

  async retrieve(id: string, access: AccessContext): Promise<VectorStore> {
    return this.toVectorStore(await this.find(id, access));
  }

  async update(id: string, request: VectorStoreUpdateRequest, access: AccessContext): Promise<VectorStore> {
    const row = await this.find(id, access);
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
  async delete(id: string, access: AccessContext): Promise<VectorStoreDeleteResponse> {
    const row = await this.find(id, access);
    await this.provider(row.providerId).deleteStore(row.id, {});
    await this.options.routing.unregister(row.id, access).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
    await this.options.store.delete(row.id);
    return { id: row.id, object: "vector_store.deleted", deleted: true };
  }

  async search(
    id: string,
    request: VectorStoreSearchRequest,
    call: { access: AccessContext; signal?: AbortSignal | undefined },
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
      { access: call.access, ...(call.signal ? { signal: call.signal } : {}) },
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
    access: AccessContext,
  ): Promise<VectorStoreFile> {
    const store = await this.find(storeId, access);
    const file = await this.options.files.retrieve(request.file_id, access);
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
    this.enqueue(store, row, file.filename, access);
    return toVectorStoreFile(row);
  }

  /** New attributes live in every chunk's metadata, so the file is ingested again. */
  async updateFile(
    storeId: string,
    fileId: string,
    request: VectorStoreFileUpdateRequest,
    access: AccessContext,
  ): Promise<VectorStoreFile> {
    const row = await this.findFile(storeId, fileId, access);
    return this.attachFile(
      storeId,
      {
        file_id: row.fileId,
        attributes: (request.attributes ?? {}) as VectorStoreFileCreateRequest["attributes"],
        chunking_strategy: row.chunkingStrategy as VectorStoreFileCreateRequest["chunking_strategy"],
      },
      access,
    );
  }

  async listFiles(
    storeId: string,
    query: ListVectorStoreFilesQuery,
    access: AccessContext,
  ): Promise<CursorPage<VectorStoreFile>> {
    const store = await this.find(storeId, access);
    const page = await this.options.store.listFiles(store.id, { ...query, status: query.filter });
    return { ...page, data: page.data.map(toVectorStoreFile) };
  }

  async retrieveFile(storeId: string, fileId: string, access: AccessContext): Promise<VectorStoreFile> {
    return toVectorStoreFile(await this.findFile(storeId, fileId, access));
  }

  /** The chunks an attached file was split into, as stored (after ingestion completed). */
  async fileContent(
    storeId: string,
    fileId: string,
    query: VectorStoreFileContentQuery,
    access: AccessContext,
  ): Promise<VectorStoreFileContentResponse> {
    const row = await this.findFile(storeId, fileId, access);
    const store = await this.find(storeId, access);
    const provider = this.provider(store.providerId);
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

  async deleteFile(
    storeId: string,
    fileId: string,
    access: AccessContext,
  ): Promise<VectorStoreFileDeleteResponse> {
    const row = await this.findFile(storeId, fileId, access);
    const store = await this.find(storeId, access);
    await this.deleteChunks(store, fileId);
    await this.options.store.deleteFile(row.vectorStoreId, row.fileId);
    return { id: fileId, object: "vector_store.file.deleted", deleted: true };
  }

  /** Attach several files at once; every file is checked before any is attached. */
  async createBatch(
    storeId: string,
    request: VectorStoreFileBatchCreateRequest,
    access: AccessContext,
  ): Promise<VectorStoreFileBatch> {
    const store = await this.find(storeId, access);
    const fileIds = [...new Set(request.file_ids)];
    for (const fileId of fileIds) await this.options.files.retrieve(fileId, access);
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
        access,
      );
    }
    return this.toBatch(row);
  }

  async retrieveBatch(
    storeId: string,
    batchId: string,
    access: AccessContext,
  ): Promise<VectorStoreFileBatch> {
    return this.toBatch(await this.findBatch(storeId, batchId, access));
  }

  /** Files still waiting become `cancelled`; their ingestion result is dropped. */
  async cancelBatch(storeId: string, batchId: string, access: AccessContext): Promise<VectorStoreFileBatch> {
    const row = await this.findBatch(storeId, batchId, access);
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
    access: AccessContext,
  ): Promise<CursorPage<VectorStoreFile>> {
    const batch = await this.findBatch(storeId, batchId, access);
    const page = await this.options.store.listFiles(batch.vectorStoreId, {
      ...query,
      status: query.filter,
      fileIds: batch.fileIds,
    });
    return { ...page, data: page.data.map(toVectorStoreFile) };
  }

  /** Wait for background ingestion to go idle. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /**
   * Crash safety for ingestion: renew the leases of files this replica holds, and take over files
   * another replica (or this one before a crash) left `in_progress`. A file's chunks are inserted
   * in one transaction, so an interrupted file has no chunks and simply starts again.
   * `takeOverAll` (embedded PGlite, which only this process can open): every waiting file is ours.
   */
  startBackgroundWork(options: { takeOverAll: boolean }): void {
    const { store, logger } = this.options;
    const renew = setInterval(() => {
      store
        .renewLeases(
          [...this.held.values()].map((h) => h.file),
          leaseUntil(),
        )
        .catch((error: unknown) => {
          logger.warn("could not renew ingestion leases", { error });
        });
    }, LEASE_RENEW_MS);
    // Leases this process takes all end after startedUntil; older ones belong to a dead process.
    const startedUntil = leaseUntil();
    let first = options.takeOverAll;
    const recover = async () => {
      const claimed = await store.claimAbandoned(leaseUntil(), 100, first ? startedUntil : new Date());
      first = false;
      if (claimed.length > 0) logger.info("resuming interrupted file ingestion", { files: claimed.length });
      for (const row of claimed) await this.resume(row);
    };
    const sweep = () => {
      const task = recover()
        .catch((error: unknown) => logger.warn("could not resume interrupted ingestion", { error }))
        .finally(() => this.running.delete(task));
      this.running.add(task);
    };
    const recovery = setInterval(sweep, RECOVERY_SWEEP_MS);
    renew.unref();
    recovery.unref();
    this.stopBackground = () => {
      clearInterval(renew);
      clearInterval(recovery);
    };
    sweep();
  }

  /**
   * Shutdown: files still waiting for a slot are not started; their leases are released so the
   * next start (or another replica) takes them at once. Running ingestions finish.
   */
  async close(): Promise<void> {
    this.closing = true;
    this.stopBackground();
    await this.drain();
    await this.options.store.renewLeases(this.skipped, new Date(0)).catch(() => {});
  }

  private enqueue(store: VectorStoreRow, row: VectorStoreFileRow, filename: string, access: AccessContext) {
    const key = `${store.id}/${row.fileId}`;
    const hold = { storeId: store.id, fileId: row.fileId };
    const entry = this.held.get(key) ?? { file: hold, tasks: 0 };
    entry.tasks += 1;
    this.held.set(key, entry);
    const task = this.ingestion
      .run(async () => {
        if (this.closing) this.skipped.push(hold);
        else await this.ingest(store, row, filename, access);
      })
      .catch((error: unknown) => this.options.logger.error("vector store file ingestion crashed", { error }))
      .finally(() => {
        this.running.delete(task);
        entry.tasks -= 1;
        if (entry.tasks === 0) this.held.delete(key);
      });
    this.running.add(task);
  }

  /** Ingest a file another process left unfinished, as the store's owner. */
  private async resume(row: VectorStoreFileRow) {
    const store = await this.options.store.findAnyOwner(row.vectorStoreId);
    if (!store) return;
    const access: AccessContext = { principal: store.owner, enforced: store.owner !== null };
    let filename: string;
    try {
      filename = (await this.options.files.retrieve(row.fileId, access)).filename;
    } catch (error) {
      await this.options.store.finishFile(store.id, row.fileId, {
        status: "failed",
        lastError: { code: "server_error", message: (error as Error).message },
        usageBytes: 0,
      });
      return;
    }
    this.enqueue(store, row, filename, access);
  }

  private async ingest(
    store: VectorStoreRow,
    row: VectorStoreFileRow,
    filename: string,
    access: AccessContext,
  ) {
    const { store: rows } = this.options;
    const attempts = await rows.beginIngestion(store.id, row.fileId, leaseUntil());
    // Cancelled or detached while it waited for a slot.
    if (attempts === undefined) return;
    if (attempts > MAX_INGEST_ATTEMPTS) {
      await rows.finishFile(store.id, row.fileId, {
        status: "failed",
        lastError: {
          code: "server_error",
          message: `Ingestion was interrupted ${attempts - 1} times (the server stopped while ingesting this file); giving up.`,
        },
        usageBytes: 0,
      });
      return;
    }
    try {
      const chunker = this.options.chunker;
      if (!chunker) throw new ServiceUnavailableError("This server has no document ingestion configured.");
      const { file, contentType, body } = await this.options.files.content(row.fileId, { access });
      const parts: Uint8Array[] = [];
      for await (const part of body) parts.push(part);
      const texts = await chunker.chunk(
        { bytes: Buffer.concat(parts), filename: file.filename, contentType },
        row.chunkingStrategy,
      );
      const embeddings: number[][] = [];
      for (let start = 0; start < texts.length; start += EMBED_BATCH) {
        const response = await this.options.inference.embeddings(
          {
            model: store.embeddingModel,
            input: texts.slice(start, start + EMBED_BATCH),
            encoding_format: "float",
            // A chunk longer than the embedding model's context (800 tokens vs bge-small's 512) is
            // stored whole and embedded from its start, as upstream's sentence-transformers does.
            truncate: true,
          },
          { access },
        );
        for (const item of response.data) embeddings.push(item.embedding as number[]);
      }
      const chunks: VectorChunk[] = texts.map((content, index) => ({
        chunkId: `${row.fileId}:${index}`,
        content,
        embedding: embeddings[index]!,
        metadata: { document_id: row.fileId, filename, ...row.attributes },
        documentId: row.fileId,
      }));
      await this.deleteChunks(store, row.fileId);
      if (chunks.length > 0) await this.provider(store.providerId).insert(store.id, chunks, {});
      const usageBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
      const kept = await rows.finishFile(store.id, row.fileId, {
        status: "completed",
        lastError: null,
        usageBytes,
      });
      // Detached or cancelled while we worked: take the chunks back out.
      const now = kept ? undefined : await rows.findFile(store.id, row.fileId);
      if (!kept && (now === undefined || now.status === "cancelled")) {
        await this.deleteChunks(store, row.fileId).catch(() => {});
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!StackError.isInstance(error))
        this.options.logger.warn("vector store file ingestion failed", { error });
      await rows.finishFile(store.id, row.fileId, {
        status: "failed",
        lastError: { code: "server_error", message },
        usageBytes: 0,
      });
    }
  }

  private async deleteChunks(store: VectorStoreRow, fileId: string): Promise<void> {
    const provider = this.provider(store.providerId);
    if (typeof provider.deleteDocument !== "function") {
      throw new InvalidRequestError(
        `Vector_io provider '${store.providerId}' cannot delete a file's chunks.`,
      );
    }
    await provider.deleteDocument(store.id, fileId, {});
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

  private pickProvider(requested: string | undefined): string {
    const ids = this.options.providers.byApi("vector_io").map((p) => p.providerId);
    if (ids.length === 0) throw new ServiceUnavailableError("No vector_io provider is configured.");
    const wanted = requested ?? this.config.default_provider_id ?? undefined;
    if (wanted !== undefined) {
      if (!ids.includes(wanted)) {
        throw new InvalidRequestError(
          `Vector_io provider '${wanted}' is not configured; configured: ${ids.join(", ")}.`,
          { param: "provider_id" },
        );
      }
      return wanted;
    }
    if (ids.length > 1) {
      throw new InvalidRequestError(
        `Several vector_io providers are configured (${ids.join(", ")}); name one with provider_id or set vector_stores.default_provider_id.`,
        { param: "provider_id" },
      );
    }
    return ids[0]!;
  }

  private async pickEmbeddingModel(requested: string | undefined, access: AccessContext): Promise<Model> {
    const fallback = this.config.default_embedding_model;
    const wanted = requested ?? (fallback ? `${fallback.provider_id}/${fallback.model_id}` : undefined);
    if (wanted === undefined) {
      const first = (await this.options.models.list(access)).find((m) => m.model_type === "embedding");
      if (!first) {
        throw new InvalidRequestError(
          "No embedding model is available; register one or name it with embedding_model.",
          { param: "embedding_model" },
        );
      }
      return first;
    }
    let model: Model;
    try {
      model = await this.options.models.resolve(wanted, access);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      throw new InvalidRequestError(
        `Embedding model '${wanted}' not found. List models with GET /v1/models.`,
        {
          param: "embedding_model",
        },
      );
    }
    if (model.model_type !== "embedding") {
      throw new InvalidRequestError(
        `Model '${wanted}' is not an embedding model (it is '${model.model_type}').`,
        {
          param: "embedding_model",
        },
      );
    }
    return model;
  }

  private provider(providerId: string): VectorIoProvider {
    const provider = this.options.providers.instance<VectorIoProvider>("vector_io", providerId);
    if (!provider) throw new ServiceUnavailableError(`Vector_io provider '${providerId}' is not configured.`);
    return provider;
  }
}

function isNotFound(error: unknown): boolean {
  return StackError.isInstance(error) && error.kind === "not_found";
}
