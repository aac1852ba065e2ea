import type { AccessContext, ConversationItem, CursorPage, ResponseObject } from "@llama-stack-ts/api";

/** One stored response: what it answered and the items its model was given, oldest first. */
export interface StoredResponse {
  response: ResponseObject;
  inputItems: ConversationItem[];
}

/**
 * Where responses are kept, owner-scoped. Core's `ResponsesStore` (drizzle, `responses` table)
 * is the one implementation; the loop sees only this, so agents never imports storage.
 */
export interface ResponsesStorage {
  save(stored: StoredResponse, access: AccessContext): Promise<void>;
  find(id: string, access: AccessContext): Promise<StoredResponse | undefined>;
  list(
    access: AccessContext,
    options: { after?: string | undefined; limit: number; order: "asc" | "desc"; model?: string | undefined },
  ): Promise<CursorPage<ResponseObject>>;
  delete(id: string, access: AccessContext): Promise<boolean>;
}
