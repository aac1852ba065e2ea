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
  /** A queued or in-progress response is stamped alive; `background` ones the job runner recovers. */
  save(stored: StoredResponse, access: AccessContext, options?: { background?: boolean }): Promise<void>;
  /** Replaces a response that has not ended yet; false when it had (e.g. cancelled meanwhile). */
  update(response: ResponseObject): Promise<boolean>;
  /** Stamps the unfinished responses this server runs as alive. */
  heartbeat(ids: readonly string[]): Promise<void>;
  /** Fails foreground responses not stamped since `staleBefore` (their server died); their ids. */
  failAbandoned(staleBefore: Date, error: { code: string; message: string }): Promise<string[]>;
  find(id: string, access: AccessContext): Promise<StoredResponse | undefined>;
  /** Only its status, for the readers and runs that poll it (no JSON read). */
  findStatus(id: string, access: AccessContext): Promise<ResponseObject["status"] | undefined>;
  list(
    access: AccessContext,
    options: { after?: string | undefined; limit: number; order: "asc" | "desc"; model?: string | undefined },
  ): Promise<CursorPage<ResponseObject>>;
  delete(id: string, access: AccessContext): Promise<boolean>;
}
