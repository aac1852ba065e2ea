import { NotFoundError } from "@llama-stack-ts/api";
import type { AccessContext } from "../../auth/access-context.ts";
import type { VectorStoreFileRow, VectorStoreRow } from "../../storage/schema.ts";
import type { VectorStoresStore } from "./vector-stores-store.ts";

/** A store the caller can see, else 404 (a 400 on the wire, as upstream answers). */
export async function findVectorStore(
  rows: VectorStoresStore,
  id: string,
  access: AccessContext,
): Promise<VectorStoreRow> {
  const row = await rows.find(id, access);
  if (!row) throw new NotFoundError("Vector store", id, "List vector stores with GET /v1/vector_stores.");
  return row;
}

/** A file attached to a store the caller can see, with that store. */
export async function findVectorStoreFile(
  rows: VectorStoresStore,
  storeId: string,
  fileId: string,
  access: AccessContext,
): Promise<{ store: VectorStoreRow; file: VectorStoreFileRow }> {
  const store = await findVectorStore(rows, storeId, access);
  const file = await rows.findFile(store.id, fileId);
  if (!file) throw new NotFoundError("File", fileId, `It is not attached to vector store '${storeId}'.`);
  return { store, file };
}
