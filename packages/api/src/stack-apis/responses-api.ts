import type { CursorPage } from "../common/cursor-page.ts";
import type { ConversationItem } from "../conversations/conversation-item.ts";
import type { ResponseCreateRequest } from "../responses/response-create-request.ts";
import type {
  ListResponseInputItemsQuery,
  ListResponsesQuery,
  ResponseDeleteResponse,
  ResponseObject,
  ResponseStreamEvent,
} from "../responses/response-object.ts";
import type { ApiCall } from "./api-call.ts";

/** What in-process callers (the agents layer) may add to a request; no HTTP request carries it. */
export interface ResponseRunOptions {
  /**
   * Shields that judge only this response's output, as output guardrails do: the whole answer, or
   * each streamed window before it is sent. An agent's `output_shields`.
   */
  outputShields?: readonly string[];
}

/** `/v1/responses` as the Stack offers it (`context.api("responses")`); stored responses are owner-scoped. */
export interface ResponsesApi {
  create(
    request: ResponseCreateRequest,
    call: ApiCall,
    options?: ResponseRunOptions,
  ): Promise<ResponseObject>;
  /** `stream: true`: resolves once the first inference step was admitted (its errors are statuses). */
  createStream(
    request: ResponseCreateRequest,
    call: ApiCall,
    options?: ResponseRunOptions,
  ): Promise<AsyncIterable<ResponseStreamEvent>>;
  /** Tool results of its items only where `include` asks (OpenAI's include values). */
  retrieve(
    responseId: string,
    call: ApiCall,
    options?: { include?: readonly string[] | undefined },
  ): Promise<ResponseObject>;
  /** A background response's stream again, from after `starting_after` (400 for any other response). */
  retrieveStream(
    responseId: string,
    options: { starting_after?: number | undefined; include?: readonly string[] | undefined },
    call: ApiCall,
  ): Promise<AsyncIterable<ResponseStreamEvent>>;
  list(query: ListResponsesQuery, call: ApiCall): Promise<CursorPage<ResponseObject>>;
  delete(responseId: string, call: ApiCall): Promise<ResponseDeleteResponse>;
  /** Stops a queued or running `background` response (409 for any other; idempotent once cancelled). */
  cancel(responseId: string, call: ApiCall): Promise<ResponseObject>;
  listInputItems(
    responseId: string,
    query: ListResponseInputItemsQuery,
    call: ApiCall,
  ): Promise<CursorPage<ConversationItem>>;
}
