import {
  type AccessContext,
  type DocumentChunker,
  newId,
  type VectorStoreCreateRequest,
} from "@llama-stack-ts/api";
import { ownerFor } from "../../auth/access-context.ts";
import type { ModelsTable } from "../../resource-tables/models-table.ts";
import type { ProviderSet } from "../../stack/provider-set.ts";
import type { VectorStoreRow } from "../../storage/schema.ts";
import { stringOrUndefined } from "../vector-io/string-or-undefined.ts";
import { pickEmbeddingDimension } from "./pick-embedding-dimension.ts";
import { pickEmbeddingModel } from "./pick-embedding-model.ts";
import { pickVectorIoProvider } from "./pick-vector-io-provider.ts";
import type { VectorStoresConfig } from "./vector-stores-config.ts";

export interface PlanVectorStoreOptions {
  providers: ProviderSet;
  models: ModelsTable;
  config: VectorStoresConfig;
  chunker?: DocumentChunker | undefined;
}

/**
 * The row of a new store, every choice checked before anything is created: its vector_io
 * provider, embedding model and dimension (Llama Stack extras, top-level or in `metadata`, which
 * wins) and chunking strategy.
 */
export async function planVectorStore(
  request: VectorStoreCreateRequest,
  options: PlanVectorStoreOptions,
  access: AccessContext,
): Promise<VectorStoreRow> {
  const { config } = options;
  const metadata = request.metadata ?? {};
  const extra = (key: string) => metadata[key] ?? request[key];
  const providerId = pickVectorIoProvider(
    options.providers,
    stringOrUndefined(extra("provider_id")),
    config.default_provider_id,
  );
  const model = await pickEmbeddingModel(
    options.models,
    stringOrUndefined(extra("embedding_model")),
    config.default_embedding_model,
    access,
  );
  const dimension = pickEmbeddingDimension(model, extra("embedding_dimension"));
  if (request.chunking_strategy) options.chunker?.checkStrategy(request.chunking_strategy);
  const now = new Date();
  return {
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
}
