import type { CursorPage } from "../common/cursor-page.ts";
import type {
  ListVectorStoresQuery,
  VectorStore,
  VectorStoreCreateRequest,
  VectorStoreDeleteResponse,
  VectorStoreUpdateRequest,
} from "../vector-stores/vector-store.ts";
import type {
  ListVectorStoreFilesQuery,
  VectorStoreFile,
  VectorStoreFileContentQuery,
  VectorStoreFileContentResponse,
  VectorStoreFileCreateRequest,
  VectorStoreFileDeleteResponse,
  VectorStoreFileUpdateRequest,
} from "../vector-stores/vector-store-file.ts";
import type {
  VectorStoreFileBatch,
  VectorStoreFileBatchCreateRequest,
} from "../vector-stores/vector-store-file-batch.ts";
import type {
  VectorStoreSearchRequest,
  VectorStoreSearchResponse,
} from "../vector-stores/vector-store-search.ts";
import type { ApiCall } from "./api-call.ts";

/**
 * OpenAI vector stores (`/v1/vector_stores`, `context.api("vector_stores")`): stores, attached
 * files and their background ingestion, file batches, search. Owner-scoped.
 */
export interface VectorStoresApi {
  create(request: VectorStoreCreateRequest, call: ApiCall): Promise<VectorStore>;
  list(query: ListVectorStoresQuery, call: ApiCall): Promise<CursorPage<VectorStore>>;
  retrieve(storeId: string, call: ApiCall): Promise<VectorStore>;
  update(storeId: string, request: VectorStoreUpdateRequest, call: ApiCall): Promise<VectorStore>;
  delete(storeId: string, call: ApiCall): Promise<VectorStoreDeleteResponse>;
  search(
    storeId: string,
    request: VectorStoreSearchRequest,
    call: ApiCall,
  ): Promise<VectorStoreSearchResponse>;

  attachFile(storeId: string, request: VectorStoreFileCreateRequest, call: ApiCall): Promise<VectorStoreFile>;
  updateFile(
    storeId: string,
    fileId: string,
    request: VectorStoreFileUpdateRequest,
    call: ApiCall,
  ): Promise<VectorStoreFile>;
  listFiles(
    storeId: string,
    query: ListVectorStoreFilesQuery,
    call: ApiCall,
  ): Promise<CursorPage<VectorStoreFile>>;
  retrieveFile(storeId: string, fileId: string, call: ApiCall): Promise<VectorStoreFile>;
  fileContent(
    storeId: string,
    fileId: string,
    query: VectorStoreFileContentQuery,
    call: ApiCall,
  ): Promise<VectorStoreFileContentResponse>;
  deleteFile(storeId: string, fileId: string, call: ApiCall): Promise<VectorStoreFileDeleteResponse>;

  createBatch(
    storeId: string,
    request: VectorStoreFileBatchCreateRequest,
    call: ApiCall,
  ): Promise<VectorStoreFileBatch>;
  retrieveBatch(storeId: string, batchId: string, call: ApiCall): Promise<VectorStoreFileBatch>;
  cancelBatch(storeId: string, batchId: string, call: ApiCall): Promise<VectorStoreFileBatch>;
  listBatchFiles(
    storeId: string,
    batchId: string,
    query: ListVectorStoreFilesQuery,
    call: ApiCall,
  ): Promise<CursorPage<VectorStoreFile>>;
}
