import {
  type ApiCall,
  type ConversationItem,
  type ConversationItemInput,
  type CursorPage,
  type ListResponseInputItemsQuery,
  type ListResponsesQuery,
  NotFoundError,
  NotImplementedError,
  newId,
  type ResponseCreateRequest,
  type ResponseDeleteResponse,
  type ResponseObject,
  type ResponseOutputItem,
  type ResponseStreamEvent,
  type ResponsesApi,
  type StackApiName,
  type StackApis,
} from "@llama-stack-ts/api";
import { buildResponse } from "./build-response.ts";
import { firstViolation } from "./first-violation.ts";
import { guardOutput } from "./guard-output.ts";
import { guardStream } from "./guard-stream.ts";
import { itemsToMessages } from "./items-to-messages.ts";
import { refusalMessage } from "./output-items.ts";
import { pageItems } from "./page-items.ts";
import { prepareResponse } from "./prepare-response.ts";
import type { ResponseLoopEvent } from "./response-loop-event.ts";
import { responseStreamEvents } from "./response-stream-events.ts";
import type { ResponsesStorage } from "./responses-storage.ts";
import { collectResponse, type ResponseLoopEnd, responseLoop } from "./run-response-loop.ts";

/** The Stack's routers as the loop reaches them (core's `StackRouters`). */
export interface RouterLookup {
  get<K extends StackApiName>(name: K): StackApis[K] | undefined;
  require<K extends StackApiName>(name: K): StackApis[K];
}

const SHIELD_REFUSAL = "I can't help with that: the request was blocked by a safety shield.";

/**
 * `/v1/responses`: prepare (400/404s, history, messages) → input shields → the loop → output
 * shields → store and append to the conversation. Both paths drain one loop's events: `create`
 * collects them (the shields judge the whole answer), `createStream` maps them to OpenAI's
 * stream events (the shields judge each window before it is sent).
 */
export class ResponsesRouter implements ResponsesApi {
  constructor(
    private readonly routers: RouterLookup,
    private readonly storage: ResponsesStorage,
  ) {}

  async create(request: ResponseCreateRequest, call: ApiCall): Promise<ResponseObject> {
    const begun = await this.begin(request, call);
    const outcome = await collectResponse(begun.events);
    const output = begun.inputBlocked
      ? outcome.output
      : await guardOutput(begun.safety, outcome.output, call);
    const response = begun.snapshot(output, outcome);
    await begun.finish(response);
    return response;
  }

  /**
   * `stream: true`: the same loop, its text judged by the output shields window by window before
   * it is sent. Resolves once the first inference step was admitted, so its errors are statuses.
   */
  async createStream(
    request: ResponseCreateRequest,
    call: ApiCall,
  ): Promise<AsyncIterable<ResponseStreamEvent>> {
    const begun = await this.begin(request, call);
    const events = begun.inputBlocked ? begun.events : guardStream(begun.events, begun.safety, call);
    const first = await events.next();
    return responseStreamEvents(events, first, begun);
  }

  /** Checks, prepares and starts a response: input shields, then the loop (or the refusal). */
  private async begin(request: ResponseCreateRequest, call: ApiCall) {
    if (request.background) {
      throw new NotImplementedError("Background responses are not served yet.", {
        param: "background",
        code: "background_not_implemented",
      });
    }
    const prepared = await prepareResponse(
      request,
      {
        storage: this.storage,
        conversations: () => this.routers.require("conversations"),
        prompts: () => this.routers.require("prompts"),
      },
      call,
    );
    const id = newId("response");
    const createdAt = Math.floor(Date.now() / 1000);
    const safety = this.routers.get("safety");
    const violation = await firstViolation(safety, "input", itemsToMessages(prepared.inputItems), call);
    const events = violation
      ? refusalOnly(violation.user_message ?? SHIELD_REFUSAL)
      : responseLoop({
          request,
          messages: prepared.messages,
          plan: prepared.plan,
          inference: this.routers.require("inference"),
          toolRuntime: () => this.routers.require("tool_runtime"),
          call,
        });
    const snapshot = (output: ResponseOutputItem[], end?: ResponseLoopEnd): ResponseObject =>
      buildResponse({
        id,
        createdAt,
        request,
        conversationId: prepared.conversationId,
        output,
        status: end?.status ?? "in_progress",
        incompleteReason: end?.incompleteReason,
        error: end?.error,
        usage: end?.usage ?? null,
      });
    const finish = async (response: ResponseObject) => {
      if (request.store !== false) {
        await this.storage.save(
          { response, inputItems: [...prepared.history, ...prepared.inputItems] },
          call.access,
        );
      }
      if (prepared.conversationId !== null) {
        await this.routers
          .require("conversations")
          .appendItems(
            prepared.conversationId,
            [...prepared.inputItems, ...response.output] as ConversationItemInput[],
            call,
          );
      }
    };
    return { events, safety, inputBlocked: violation !== null, snapshot, finish };
  }

  async retrieve(responseId: string, call: ApiCall): Promise<ResponseObject> {
    return (await this.find(responseId, call)).response;
  }

  list(query: ListResponsesQuery, call: ApiCall): Promise<CursorPage<ResponseObject>> {
    return this.storage.list(call.access, query);
  }

  async delete(responseId: string, call: ApiCall): Promise<ResponseDeleteResponse> {
    if (!(await this.storage.delete(responseId, call.access))) throw notFound(responseId);
    return { id: responseId, object: "response", deleted: true };
  }

  async listInputItems(
    responseId: string,
    query: ListResponseInputItemsQuery,
    call: ApiCall,
  ): Promise<CursorPage<ConversationItem>> {
    return pageItems((await this.find(responseId, call)).inputItems, query);
  }

  private async find(responseId: string, call: ApiCall) {
    const stored = await this.storage.find(responseId, call.access);
    if (!stored) throw notFound(responseId);
    return stored;
  }
}

function notFound(responseId: string): NotFoundError {
  return new NotFoundError("Response", responseId);
}

/** An input shield's verdict as the response's only output. */
async function* refusalOnly(refusal: string): AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd> {
  yield { type: "refusal", item: refusalMessage(refusal) };
  return { status: "completed", usage: { input_tokens: 0, output_tokens: 0 } };
}
