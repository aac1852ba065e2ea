import { type VectorStoreResource, VectorStoreResourceSchema } from "@llama-stack-ts/api";
import type { StackDb } from "../storage/database.ts";
import { ResourceTable } from "./resource-table.ts";

export function createVectorStoresTable(db: StackDb) {
  return new ResourceTable<VectorStoreResource>(
    db,
    "vector_store",
    "Vector store",
    (b) => VectorStoreResourceSchema.parse(b),
    "List vector stores with GET /v1/vector_stores.",
  );
}
