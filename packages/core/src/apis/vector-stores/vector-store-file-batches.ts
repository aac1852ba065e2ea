import {
  type ApiCall,
  type CursorPage,
  type ListVectorStoreFilesQuery,
  NotFoundError,
  newId,
  type VectorStoreFile,
  type VectorStoreFileBatch,
  type VectorStoreFileBatchCreateRequest,
} from "@llama-stack-ts/api";
import type { VectorStoreFileBatchRow } from "../../storage/schema.ts";
import type { FilesRouter } from "../files/files-router.ts";
import { findVectorStore } from "./find-vector-store.ts";
import { seconds, toVectorStoreFile } from "./to-vector-store-file.ts";
import type { VectorStoreFiles } from "./vector-store-files.ts";
import type { VectorStoresStore } from "./vector-stores-store.ts";

/** Several files attached at once (`/v1/vector_stores/{id}/file_batches`); each is ingested like a single attach. */
export class VectorStoreFileBatches {
  constructor(
    private readonly store: VectorStoresStore,
    private readonly files: FilesRouter,
    private readonly attached: VectorStoreFiles,
  ) {}

  /** Every file is checked before any is attached. */
  async create(
    storeId: string,
    request: VectorStoreFileBatchCreateRequest,
    call: ApiCall,
  ): Promise<VectorStoreFileBatch> {
    const store = await findVectorStore(this.store, storeId, call.access);
    const fileIds = [...new Set(request.file_ids)];
    for (const fileId of fileIds) await this.files.retrieve(fileId, call);
    const row: VectorStoreFileBatchRow = {
      id: newId("vectorStoreFileBatch"),
      vectorStoreId: store.id,
      fileIds,
      status: "in_progress",
      createdAt: new Date(),
    };
    await this.store.insertBatch(row);
    for (const fileId of fileIds) {
      await this.attached.attach(
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

  async retrieve(storeId: string, batchId: string, call: ApiCall): Promise<VectorStoreFileBatch> {
    return this.toBatch(await this.find(storeId, batchId, call));
  }

  /** Files still waiting become `cancelled`; their ingestion result is dropped. */
  async cancel(storeId: string, batchId: string, call: ApiCall): Promise<VectorStoreFileBatch> {
    const row = await this.find(storeId, batchId, call);
    const { fileCounts } = await this.store.usage(row.vectorStoreId, row.fileIds);
    if (row.status === "in_progress" && fileCounts.in_progress > 0) {
      await this.store.cancelFiles(row.vectorStoreId, row.fileIds);
      await this.store.setBatchStatus(row.id, "cancelled");
      row.status = "cancelled";
    }
    return this.toBatch(row);
  }

  async listFiles(
    storeId: string,
    batchId: string,
    query: ListVectorStoreFilesQuery,
    call: ApiCall,
  ): Promise<CursorPage<VectorStoreFile>> {
    const batch = await this.find(storeId, batchId, call);
    const page = await this.store.listFiles(batch.vectorStoreId, {
      ...query,
      status: query.filter,
      fileIds: batch.fileIds,
    });
    return { ...page, data: page.data.map(toVectorStoreFile) };
  }

  private async find(storeId: string, batchId: string, call: ApiCall): Promise<VectorStoreFileBatchRow> {
    const store = await findVectorStore(this.store, storeId, call.access);
    const row = await this.store.findBatch(store.id, batchId);
    if (!row)
      throw new NotFoundError("File batch", batchId, `It does not belong to vector store '${storeId}'.`);
    return row;
  }

  private async toBatch(row: VectorStoreFileBatchRow): Promise<VectorStoreFileBatch> {
    const { fileCounts } = await this.store.usage(row.vectorStoreId, row.fileIds);
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
      object: "vector_store.file_batch",
      vector_store_id: row.vectorStoreId,
      created_at: seconds(row.createdAt),
      status,
      file_counts: fileCounts,
    };
  }
}
