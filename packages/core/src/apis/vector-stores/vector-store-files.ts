import {
  type ApiCall,
  type CursorPage,
  type DocumentChunker,
  type ListVectorStoreFilesQuery,
  NotImplementedError,
  type VectorStoreFile,
  type VectorStoreFileContentQuery,
  type VectorStoreFileContentResponse,
  type VectorStoreFileCreateRequest,
  type VectorStoreFileDeleteResponse,
  type VectorStoreFileUpdateRequest,
} from "@llama-stack-ts/api";
import type { ProviderSet } from "../../stack/provider-set.ts";
import type { VectorStoreFileRow } from "../../storage/schema.ts";
import type { FilesRouter } from "../files/files-router.ts";
import { vectorIoProviderOf } from "../vector-io/vector-io-provider-of.ts";
import type { FileIngestion } from "./file-ingestion.ts";
import { findVectorStore, findVectorStoreFile } from "./find-vector-store.ts";
import { toVectorStoreFile } from "./to-vector-store-file.ts";
import type { VectorStoresStore } from "./vector-stores-store.ts";

export interface VectorStoreFilesOptions {
  store: VectorStoresStore;
  providers: ProviderSet;
  files: FilesRouter;
  ingestion: FileIngestion;
  chunker?: DocumentChunker | undefined;
}

const AUTO = { type: "auto" } as const;
/** Chunk metadata ingestion writes before the file's attributes (see FileIngestion). */
const INGESTION_KEYS = new Set(["document_id", "filename"]);

/** Files attached to vector stores (`/v1/vector_stores/{id}/files`): attach, attributes, chunks, detach. */
export class VectorStoreFiles {
  constructor(private readonly options: VectorStoreFilesOptions) {}

  /** Attach (or re-attach) a file; ingestion runs in the background, the row says how it went. */
  async attach(
    storeId: string,
    request: VectorStoreFileCreateRequest,
    call: ApiCall,
  ): Promise<VectorStoreFile> {
    const store = await findVectorStore(this.options.store, storeId, call.access);
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
      attempts: 0,
    };
    await this.options.ingestion.attach(row, call.access);
    return toVectorStoreFile(row);
  }

  /**
   * Replace a file's attributes. An ingested file's chunks are updated in place (no re-embedding),
   * so a filtered search right after sees the new values; a file still being ingested (or on a
   * provider that cannot update chunks) is ingested again with them.
   */
  async update(
    storeId: string,
    fileId: string,
    request: VectorStoreFileUpdateRequest,
    call: ApiCall,
  ): Promise<VectorStoreFile> {
    const { store, file } = await findVectorStoreFile(this.options.store, storeId, fileId, call.access);
    const attributes = request.attributes ?? {};
    const provider = vectorIoProviderOf(this.options.providers, store.providerId);
    if (file.status === "in_progress" || typeof provider.updateDocumentAttributes !== "function") {
      return this.attach(
        storeId,
        {
          file_id: file.fileId,
          attributes,
          chunking_strategy: file.chunkingStrategy as VectorStoreFileCreateRequest["chunking_strategy"],
        },
        call,
      );
    }
    if (file.status === "completed") {
      // As ingestion wrote them: {document_id, filename, ...attributes}. An old attribute that
      // shadowed `filename` stays until the file is attached again.
      const set = { document_id: file.fileId, ...attributes };
      const remove = Object.keys(file.attributes).filter((key) => !(key in set) && !INGESTION_KEYS.has(key));
      await provider.updateDocumentAttributes(store.id, file.fileId, { set, remove }, {});
    }
    await this.options.store.setFileAttributes(store.id, file.fileId, attributes);
    return toVectorStoreFile({ ...file, attributes });
  }

  async list(
    storeId: string,
    query: ListVectorStoreFilesQuery,
    call: ApiCall,
  ): Promise<CursorPage<VectorStoreFile>> {
    const store = await findVectorStore(this.options.store, storeId, call.access);
    const page = await this.options.store.listFiles(store.id, { ...query, status: query.filter });
    return { ...page, data: page.data.map(toVectorStoreFile) };
  }

  async retrieve(storeId: string, fileId: string, call: ApiCall): Promise<VectorStoreFile> {
    const { file } = await findVectorStoreFile(this.options.store, storeId, fileId, call.access);
    return toVectorStoreFile(file);
  }

  /** The chunks an attached file was split into, as stored (after ingestion completed). */
  async content(
    storeId: string,
    fileId: string,
    query: VectorStoreFileContentQuery,
    call: ApiCall,
  ): Promise<VectorStoreFileContentResponse> {
    const { store, file } = await findVectorStoreFile(this.options.store, storeId, fileId, call.access);
    const provider = vectorIoProviderOf(this.options.providers, store.providerId);
    if (typeof provider.listDocumentChunks !== "function") {
      throw new NotImplementedError(`Vector_io provider '${store.providerId}' cannot list a file's chunks.`);
    }
    const chunks = await provider.listDocumentChunks(store.id, file.fileId, {
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

  async delete(storeId: string, fileId: string, call: ApiCall): Promise<VectorStoreFileDeleteResponse> {
    const { store, file } = await findVectorStoreFile(this.options.store, storeId, fileId, call.access);
    await this.options.ingestion.deleteChunks(store, fileId);
    await this.options.store.deleteFile(file.vectorStoreId, file.fileId);
    return { id: fileId, object: "vector_store.file.deleted", deleted: true };
  }
}
