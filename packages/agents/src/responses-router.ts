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
  type ResponsesApi,
  type StackApiName,
  type StackApis,
} from "@llama-stack-ts/api";
import { buildResponse } from "./build-response.ts";
import { firstViolation } from "./first-violation.ts";
import { guardOutput } from "./guard-output.ts";
import { itemsToMessages } from "./items-to-messages.ts";
import { refusalMessage } from "./output-items.ts";
import { pageItems } from "./page-items.ts";
import { prepareResponse } from "./prepare-response.ts";
import type { ResponsesStorage } from "./responses-storage.ts";
import { runResponseLoop } from "./run-response-loop.ts";

/** The Stack's routers as the loop reaches them (core's `StackRouters`). */
export interface RouterLookup {
  get<K extends StackApiName>(name: K): StackApis[K] | undefined;
  require<K extends StackApiName>(name: K): StackApis[K];
}

const SHIELD_REFUSAL = "I can't help with that: the request was blocked by a safety shield.";

/**
 * `/v1/responses`, non-streaming: prepare (400/404s, history, messages) → input shields →
 * the loop → output shields → store and append to the conversation. Streaming is a 501 until it passes the
 * `openai` package's `responses.stream()`.
 */
export class ResponsesRouter implements ResponsesApi {
  constructor(
    private readonly routers: RouterLookup,
    private readonly storage: ResponsesStorage,
  ) {}

  async create(request: ResponseCreateRequest, call: ApiCall): Promise<ResponseObject> {
    if (request.stream) {
      throw new NotImplementedError(
        "Streaming responses (stream: true) are not served yet; send the request without stream.",
        { param: "stream", code: "streaming_not_implemented" },
      );
    }
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
    const outcome = violation
      ? {
          output: [refusalMessage(violation.user_message ?? SHIELD_REFUSAL)],
          status: "completed" as const,
          usage: { input_tokens: 0, output_tokens: 0 },
        }
      : await runResponseLoop({
          request,
          messages: prepared.messages,
          plan: prepared.plan,
          inference: this.routers.require("inference"),
          toolRuntime: () => this.routers.require("tool_runtime"),
          call,
        });
    const output = violation ? outcome.output : await guardOutput(safety, outcome.output, call);
    const response = buildResponse({
      id,
      createdAt,
      request,
      conversationId: prepared.conversationId,
      ...outcome,
      output,
    });
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
    return response;
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
