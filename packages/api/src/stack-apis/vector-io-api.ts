import type { VectorQuery, VectorQueryResult } from "../providers/vector-io-provider.ts";
import type {
  QueryChunksResponse,
  VectorIoInsertRequest,
  VectorIoQueryRequest,
} from "../vector-io/vector-io.ts";
import type { ApiCall } from "./api-call.ts";

/** Chunk insert and query on a vector store (`/v1/vector-io/*`); text is embedded with the store's model. */
export interface VectorIoApi {
  insert(request: VectorIoInsertRequest, call: ApiCall): Promise<void>;
  query(request: VectorIoQueryRequest, call: ApiCall): Promise<QueryChunksResponse>;
  /** Search a vector store by id with the provider's query shape; `text` is embedded unless `embedding` is given. */
  search(storeId: string, query: VectorQuery, call: ApiCall): Promise<VectorQueryResult>;
}
