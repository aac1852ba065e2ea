import type { ProviderModule } from "@llama-stack-ts/api";
import { localFsFilesProvider } from "./files/localfs/index.ts";
import { pgvectorProvider } from "./vector-io/pgvector/index.ts";

export { localFsFilesProvider } from "./files/localfs/index.ts";
export * from "./ingestion/index.ts";
export { vectorIndexDefinition } from "./vector-io/pgvector/ensure-vector-index.ts";
export { setHnswSearch } from "./vector-io/pgvector/hnsw-search.ts";
export { pgvectorProvider } from "./vector-io/pgvector/index.ts";
export { PgvectorConfigSchema } from "./vector-io/pgvector/pgvector-config.ts";
export { createPgvectorStore } from "./vector-io/pgvector/pgvector-store.ts";

/** Every memory provider (files, vector io) this package ships, for an app's registry. */
export const memoryProviders: ProviderModule[] = [
  localFsFilesProvider as ProviderModule,
  pgvectorProvider as ProviderModule,
];
