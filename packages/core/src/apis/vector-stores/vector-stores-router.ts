import {
  type ApiCall,
  type CursorPage,
  type DocumentChunker,
  type InferenceApi,
  type ListVectorStoresQuery,
  type Logger,
  StackError,
  type VectorIoApi,
  type VectorStore,
  type VectorStoreCreateRequest,
  type VectorStoreDeleteResponse,
  type VectorStoreResource,
  type VectorStoreSearchRequest,
  type VectorStoreSearchResponse,
  type VectorStoresApi,
  type VectorStoreUpdateRequest,
} from "@llama-stack-ts/api";
import type { JobRunner } from "../../jobs/job-runner.ts";
import type { ModelsTable } from "../../resource-tables/models-table.ts";
import type { ResourceTable } from "../../resource-tables/resource-table.ts";
import type { ProviderSet } from "../../stack/provider-set.ts";
import type { VectorStoreRow } from "../../storage/schema.ts";
import type { FilesRouter } from "../files/files-router.ts";
import { vectorIoProviderOf } from "../vector-io/vector-io-provider-of.ts";
import { FileIngestion } from "./file-ingestion.ts";
import { findVectorStore } from "./find-vector-store.ts";
import { planVectorStore } from "./plan-vector-store.ts";
import { searchVectorStore } from "./search-vector-store.ts";
import { toVectorStore } from "./to-vector-store.ts";
import { VectorStoreFileBatches } from "./vector-store-file-batches.ts";
import { VectorStoreFiles } from "./vector-store-files.ts";
import { type VectorStoresConfig, VectorStoresConfigSchema } from "./vector-stores-config.ts";
import type { VectorStoresStore } from "./vector-stores-store.ts";

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
  /** Runs file ingestion as background jobs. */
  jobs: JobRunner;
  /** Parses and chunks attached files; without it every attached file fails. */
  chunker?: DocumentChunker | undefined;
}

/**
 * `/v1/vector_stores` for every caller: store rows and attached files in the Stack's database, the
 * store registered in the vector-stores routing table, chunks with its vector_io provider. Attached
 * files are ingested in the background (parse, chunk, embed, insert).
 */
export class VectorStoresRouter implements VectorStoresApi {
  private readonly config: VectorStoresConfig;
  /** Background ingestion of attached files, and its crash recovery. */
  readonly ingestion: FileIngestion;
  readonly files: VectorStoreFiles;
  readonly fileBatches: VectorStoreFileBatches;

  constructor(private readonly options: VectorStoresRouterOptions) {
    this.config = VectorStoresConfigSchema.parse(options.config ?? {});
    this.ingestion = new FileIngestion(options);
    this.files = new VectorStoreFiles({ ...options, ingestion: this.ingestion });
    this.fileBatches = new VectorStoreFileBatches(options.store, options.files, this.files);
  }

  async create(request: VectorStoreCreateRequest, call: ApiCall): Promise<VectorStore> {
    const row = await planVectorStore(request, { ...this.options, config: this.config }, call.access);
    const { providerId, embeddingModel, embeddingDimension: dimension } = row;
    await vectorIoProviderOf(this.options.providers, providerId).createStore({ id: row.id, dimension }, {});
    await this.options.store.insert(row);
    await this.options.routing.register(
      {
        identifier: row.id,
        provider_id: providerId,
        provider_resource_id: row.id,
        embedding_model: embeddingModel,
        embedding_dimension: dimension,
        ...(row.name ? { vector_store_name: row.name } : {}),
        type: "vector_store",
      },
      call.access,
    );
    for (const fileId of request.file_ids ?? []) await this.files.attach(row.id, { file_id: fileId }, call);
    return this.toVectorStore(row);
  }

  async list(query: ListVectorStoresQuery, call: ApiCall): Promise<CursorPage<VectorStore>> {
    const page = await this.options.store.list(query, call.access);
    return { ...page, data: await Promise.all(page.data.map((row) => this.toVectorStore(row))) };
  }

  async retrieve(id: string, call: ApiCall): Promise<VectorStore> {
    return this.toVectorStore(await this.find(id, call));
  }

  async update(id: string, request: VectorStoreUpdateRequest, call: ApiCall): Promise<VectorStore> {
    const row = await this.find(id, call);
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
    const row = await this.find(id, call);
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
    const row = await this.find(id, call);
    const { vectorIo, inference } = this.options;
    const rewrite = this.config.rewrite_query_params ?? undefined;
    const page = await searchVectorStore(row.id, request, { vectorIo, inference, rewrite }, call);
    await this.options.store.update(row.id, { lastActiveAt: new Date() });
    return page;
  }

  // Attached files and file batches live in classes of their own.
  readonly attachFile: VectorStoresApi["attachFile"] = (...args) => this.files.attach(...args);
  readonly updateFile: VectorStoresApi["updateFile"] = (...args) => this.files.update(...args);
  readonly listFiles: VectorStoresApi["listFiles"] = (...args) => this.files.list(...args);
  readonly retrieveFile: VectorStoresApi["retrieveFile"] = (...args) => this.files.retrieve(...args);
  readonly fileContent: VectorStoresApi["fileContent"] = (...args) => this.files.content(...args);
  readonly deleteFile: VectorStoresApi["deleteFile"] = (...args) => this.files.delete(...args);
  readonly createBatch: VectorStoresApi["createBatch"] = (...args) => this.fileBatches.create(...args);
  readonly retrieveBatch: VectorStoresApi["retrieveBatch"] = (...args) => this.fileBatches.retrieve(...args);
  readonly cancelBatch: VectorStoresApi["cancelBatch"] = (...args) => this.fileBatches.cancel(...args);
  readonly listBatchFiles: VectorStoresApi["listBatchFiles"] = (...args) =>
    this.fileBatches.listFiles(...args);

  private find(id: string, call: ApiCall): Promise<VectorStoreRow> {
    return findVectorStore(this.options.store, id, call.access);
  }

  private async toVectorStore(row: VectorStoreRow): Promise<VectorStore> {
    return toVectorStore(row, await this.options.store.usage(row.id));
  }
}
