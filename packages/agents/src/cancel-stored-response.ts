import { type AccessContext, ConflictError, type ResponseObject } from "@llama-stack-ts/api";
import type { ResponsesStorage } from "./responses-storage.ts";

/**
 * `POST /v1/responses/{id}/cancel`: a queued or running background response becomes `cancelled`
 * (a conditional write, so a run that ends meanwhile cannot undo it, nor it undo the end).
 * Cancelling again answers it as it is; any other response is a 409.
 */
export async function cancelStoredResponse(
  storage: ResponsesStorage,
  response: ResponseObject,
  access: AccessContext,
): Promise<ResponseObject> {
  if (!response.background) {
    throw new ConflictError(
      `Response ${response.id} was not created with background: true; only background responses can be cancelled.`,
      { param: "response_id", code: "not_background" },
    );
  }
  if (response.status === "cancelled") return response;
  const cancelled = { ...response, status: "cancelled" as const };
  if (await storage.update(cancelled)) return cancelled;
  const now = (await storage.find(response.id, access))?.response ?? response;
  if (now.status === "cancelled") return now;
  throw new ConflictError(`Response ${response.id} already ended (${now.status}); it cannot be cancelled.`, {
    param: "response_id",
    code: "response_already_ended",
  });
}
