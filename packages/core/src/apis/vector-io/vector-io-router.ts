import {
  type ApiCall,
  type InferenceApi,
  InvalidRequestError,
  newId,
  type QueryChunksResponse,
  ServiceUnavailableError,
  STORED_STRING_LIMITS,
  type VectorChunk,
  type VectorIoApi,
  type VectorIoInsertRequest,
  type VectorIoProvider,
  type VectorIoQueryRequest,
  type VectorQuery,
  type VectorQueryResult,
  type VectorStoreResource,
} from "@llama-stack-ts/api";
import { assertStoredLength, messageText } from "@llama-stack-ts/provider-kit";
import type { ResourceTable } from "../../resource-tables/resource-table.ts";
import type { ProviderSet } from "../../stack/provider-set.ts";
import { stringOrUndefined } from "./string-or-undefined.ts";
import { vectorRanker } from "./vector-ranker.ts";

/**
 * `/v1/vector-io/*` for every caller: resolve the vector store in the routing table, embed text
 * with the store's embedding model through the inference router, and call its vector-io provider.
 */
export class VectorIoRouter implements VectorIoApi {
  private readonly ready = new Set<string>();

  constructor(
    private readonly stores: ResourceTable<VectorStoreResource>,
    private readonly providers: ProviderSet,
    private readonly inference: InferenceApi,
  ) {}

  async insert(request: VectorIoInsertRequest, call: ApiCall): Promise<void> {
    const documentIds = request.chunks.map((chunk, i) => checkChunkIds(chunk, i));
    const { store, provider } = await this.route(request.vector_store_id, call);
    const texts = request.chunks.map((chunk) => messageText(chunk.content, { separator: "\n" }));
    const missing = request.chunks.flatMap((chunk, i) => (chunk.embedding ? [] : [i]));
    const embedded = missing.length
      ? await this.embed(
          store,
          missing.map((i) => texts[i]!),
          call,
        )
      : [];
    const chunks: VectorChunk[] = request.chunks.map((chunk, i) => {
      const embedding = chunk.embedding ?? embedded[missing.indexOf(i)]!;
      if (chunk.embedding_dimension !== undefined && chunk.embedding_dimension !== embedding.length) {
        throw new InvalidRequestError(
          `chunks[${i}].embedding_dimension is ${chunk.embedding_dimension} but its embedding has ${embedding.length} values.`,
          { param: `chunks[${i}].embedding_dimension` },
        );
      }
      return {
        chunkId: chunk.chunk_id ?? newId("item"),
        content: texts[i]!,
        embedding,
        metadata: chunk.metadata,
        documentId: documentIds[i],
      };
    });
    await provider.insert(store.provider_resource_id ?? store.identifier, chunks, this.options(call));
  }

  async query(request: VectorIoQueryRequest, call: ApiCall): Promise<QueryChunksResponse> {
    const { params } = request;
    const result = await this.search(
      request.vector_store_id,
      {
        mode: params.mode,
        k: params.max_chunks,
        text: messageText(request.query, { separator: "\n" }),
        scoreThreshold: params.score_threshold,
        ...(params.filters ? { filters: params.filters } : {}),
        ranker: vectorRanker(params.reranker_type, params.reranker_params),
      },
      call,
    );
    return {
      chunks: result.chunks.map((chunk) => ({
        chunk_id: chunk.chunkId,
        content: chunk.content,
        metadata: chunk.metadata,
        chunk_metadata: { document_id: chunk.documentId ?? null },
      })),
      scores: result.scores,
    };
  }

  async search(storeId: string, query: VectorQuery, call: ApiCall): Promise<VectorQueryResult> {
    const { store, provider } = await this.route(storeId, call);
    const needsEmbedding = query.mode !== "keyword" && !query.embedding && query.text !== undefined;
    const embedding = needsEmbedding ? (await this.embed(store, [query.text!], call))[0] : undefined;
    return provider.query(
      store.provider_resource_id ?? store.identifier,
      embedding ? { ...query, embedding } : query,
      this.options(call),
    );
  }

  private async route(storeId: string, call: ApiCall) {
    const store = await this.stores.get(storeId, call.access);
    const provider = this.providers.instance<VectorIoProvider>("vector_io", store.provider_id);
    if (!provider) {
      throw new ServiceUnavailableError(
        `Vector store '${storeId}' belongs to vector_io provider '${store.provider_id}', which is not configured.`,
      );
    }
    const key = `${store.provider_id}\u0000${store.identifier}`;
    if (!this.ready.has(key)) {
      // Idempotent: the provider keeps its own record of the store's dimension and metric.
      await provider.createStore(
        { id: store.provider_resource_id ?? store.identifier, dimension: store.embedding_dimension },
        this.options(call),
      );
      this.ready.add(key);
    }
    return { store, provider };
  }

  private async embed(store: VectorStoreResource, texts: string[], call: ApiCall): Promise<number[][]> {
    const response = await this.inference.embeddings(
      { model: store.embedding_model, input: texts, encoding_format: "float" },
      { access: call.access, ...(call.signal ? { signal: call.signal } : {}) },
    );
    return response.data.map((item) => item.embedding as number[]);
  }

  private options(call: ApiCall) {
    return { principal: call.access.principal, ...(call.signal ? { signal: call.signal } : {}) };
  }
}

/** A chunk's id and document id go into indexed columns: refuse over-long ones before any work. */
function checkChunkIds(chunk: VectorIoInsertRequest["chunks"][number], i: number): string | undefined {
  if (chunk.chunk_id !== undefined) {
    assertStoredLength(chunk.chunk_id, STORED_STRING_LIMITS.chunkId, `chunks[${i}].chunk_id`);
  }
  const fromChunkMetadata = chunk.chunk_metadata?.document_id;
  const documentId = fromChunkMetadata ?? stringOrUndefined(chunk.metadata.document_id);
  if (documentId !== undefined) {
    const param = `chunks[${i}].${fromChunkMetadata !== undefined ? "chunk_metadata" : "metadata"}.document_id`;
    assertStoredLength(documentId, STORED_STRING_LIMITS.documentId, param);
  }
  return documentId;
}
