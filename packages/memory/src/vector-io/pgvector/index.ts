import type { ProviderModule, VectorIoProvider } from "@llama-stack-ts/api";
import { type PgvectorConfig, PgvectorConfigSchema } from "./pgvector-config.ts";
import { createPgvectorStore } from "./pgvector-store.ts";

/** pgvector in the Stack's own database (embedded PGlite or the configured PostgreSQL server). */
export const pgvectorProvider: ProviderModule<PgvectorConfig, VectorIoProvider> = {
  api: "vector_io",
  providerType: "inline::pgvector",
  description:
    "Vector, keyword and hybrid search on pgvector in the Stack's database (PGlite or PostgreSQL).",
  configSchema: PgvectorConfigSchema,
  create: ({ config, sql }) => createPgvectorStore(sql, config),
};
