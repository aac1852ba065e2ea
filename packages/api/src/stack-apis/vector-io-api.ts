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
}
