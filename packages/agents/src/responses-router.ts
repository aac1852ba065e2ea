import {
  type ApiCall,
  type ConversationItem,
  type CursorPage,
  InvalidRequestError,
  type ListResponseInputItemsQuery,
  type ListResponsesQuery,
  type Logger,
  NotFoundError,
  type ResponseCreateRequest,
  type ResponseDeleteResponse,
  type ResponseObject,
  type ResponseRunOptions,
  type ResponseStreamEvent,
  type ResponsesApi,
} from "@llama-stack-ts/api";
import { includeSet, presentItems } from "@llama-stack-ts/provider-kit";
import { type BackgroundJobs, BackgroundResponses, notBackgroundStream } from "./background-responses.ts";
import { type BeginOptions, beginResponse } from "./begin-response.ts";
import { cancelStoredResponse } from "./cancel-stored-response.ts";
import { guardOutput } from "./guard-output.ts";
import { guardStream } from "./guard-stream.ts";
import { pageItems } from "./page-items.ts";
import { prepareResponse } from "./prepare-response.ts";
import { presentEvents, presentResponse } from "./present-response.ts";
import type { ResponseEventLog } from "./response-event-log.ts";
import { ResponseLiveness } from "./response-liveness.ts";
import { responseStreamEvents } from "./response-stream-events.ts";
import type { ResponsesStorage } from "./responses-storage.ts";
import type { RouterLookup } from "./router-lookup.ts";
import { collectResponse } from "./run-response-loop.ts";

export type { RouterLookup } from "./router-lookup.ts";

export interface ResponsesRouterOptions {
  routers: RouterLookup;
  storage: ResponsesStorage;
  /** Background responses' stream events, for readers on other replicas (and resumes after the run). */
  events?: ResponseEventLog | undefined;
  logger: Logger;
  /** The job runner for `background: true`; without one such requests are a 400. */
  jobs?: BackgroundJobs | undefined;
  /** Only this process reaches the database (embedded PGlite): see {@link ResponseLiveness}. */
  exclusive?: boolean;
  heartbeatMs?: number;
  /** Throws the 404 for a model this caller cannot use, so a background request fails now, not later. */
  resolveModel?: (model: string, call: ApiCall) => Promise<unknown>;
}

/**
 * `/v1/responses`: prepare (400/404s, history, messages) → input shields → the loop → output
 * shields → store and append to the conversation. Both paths drain one loop's events: `create`
 * collects them (the shields judge the whole answer), `createStream` maps them to OpenAI's
 * stream events (the shields judge each window before it is sent). `background` responses run
 * the streaming path in a job.
 */
export class ResponsesRouter implements ResponsesApi {
  private readonly liveness: ResponseLiveness;
  private readonly background: BackgroundResponses | undefined;

  constructor(private readonly options: ResponsesRouterOptions) {
    this.liveness = new ResponseLiveness({
      storage: options.storage,
      events: options.events,
      logger: options.logger,
      exclusive: options.exclusive ?? false,
      heartbeatMs: options.heartbeatMs,
    });
    this.background =
      options.jobs &&
      new BackgroundResponses({
        jobs: options.jobs,
        storage: options.storage,
        events: options.events,
        logger: options.logger,
        run: (request, call, existing) => this.stream(request, call, { existing }),
      });
  }

  /** Fails what a killed server left in progress, then keeps ours alive. */
  start(): Promise<void> {
    return this.liveness.start();
  }

  stop(): void {
    this.liveness.stop();
  }

  async create(
    request: ResponseCreateRequest,
    call: ApiCall,
    options: ResponseRunOptions = {},
  ): Promise<ResponseObject> {
    if (request.background) return this.enqueue(request, call);
    const begun = await this.begin(request, call, { outputShields: options.outputShields });
    const outcome = await collectResponse(begun.events);
    const output = begun.inputBlocked
      ? outcome.output
      : await guardOutput(begun.safety, outcome.output, call);
    return presentResponse(await begun.finish(begun.snapshot(output, outcome)), includeSet(request.include));
  }

  /**
   * `stream: true`: the same loop, its text judged by the output shields window by window before
   * it is sent. Resolves once the first inference step was admitted, so its errors are statuses.
   * A background response's stream follows its job.
   */
  async createStream(
    request: ResponseCreateRequest,
    call: ApiCall,
    options: ResponseRunOptions = {},
  ): Promise<AsyncIterable<ResponseStreamEvent>> {
    const include = includeSet(request.include);
    if (request.background) {
      const queued = await this.enqueue(request, call);
      return presentEvents(this.background!.follow(queued, call.access), include);
    }
    return presentEvents(await this.stream(request, call, { outputShields: options.outputShields }), include);
  }

  private async stream(request: ResponseCreateRequest, call: ApiCall, options: BeginOptions = {}) {
    const begun = await this.begin(request, call, options);
    const events = begun.inputBlocked ? begun.events : guardStream(begun.events, begun.safety, call);
    const first = await events.next();
    return responseStreamEvents(events, first, begun);
  }

  private async begin(request: ResponseCreateRequest, call: ApiCall, options: BeginOptions = {}) {
    const { routers, storage, logger } = this.options;
    // MCP listings come before the first inference step; an unknown model is a 404 before them.
    if (request.tools?.some((tool) => tool.type === "mcp"))
      await this.options.resolveModel?.(request.model, call);
    return beginResponse({ routers, storage, logger, liveness: this.liveness }, request, call, options);
  }

  /** Checks the request as a foreground one would be, then stores it queued for the job runner. */
  private async enqueue(request: ResponseCreateRequest, call: ApiCall): Promise<ResponseObject> {
    if (!this.background) {
      throw new InvalidRequestError("This server runs no background jobs.", { param: "background" });
    }
    const prepared = await prepareResponse(
      request,
      {
        storage: this.options.storage,
        conversations: () => this.options.routers.require("conversations"),
        prompts: () => this.options.routers.require("prompts"),
        toolGroups: () => this.options.routers.require("tool_groups"),
      },
      call,
    );
    // An unknown model is the client's 404 now, not a failed job later.
    await this.options.resolveModel?.(request.model, call);
    return this.background.submit(request, prepared, call.access);
  }

  async cancel(responseId: string, call: ApiCall): Promise<ResponseObject> {
    const { response } = await this.find(responseId, call);
    const cancelled = await cancelStoredResponse(this.options.storage, response, call.access);
    this.background?.abort(responseId);
    return cancelled;
  }

  async retrieve(
    responseId: string,
    call: ApiCall,
    options: { include?: readonly string[] | undefined } = {},
  ): Promise<ResponseObject> {
    return presentResponse((await this.find(responseId, call)).response, includeSet(options.include));
  }

  async retrieveStream(
    responseId: string,
    options: { starting_after?: number | undefined; include?: readonly string[] | undefined },
    call: ApiCall,
  ): Promise<AsyncIterable<ResponseStreamEvent>> {
    const { response } = await this.find(responseId, call);
    if (!this.background) throw notBackgroundStream();
    const events = this.background.follow(response, call.access, options.starting_after ?? -1);
    return presentEvents(events, includeSet(options.include));
  }

  async list(query: ListResponsesQuery, call: ApiCall): Promise<CursorPage<ResponseObject>> {
    const page = await this.options.storage.list(call.access, query);
    return { ...page, data: page.data.map((response) => presentResponse(response, new Set())) };
  }

  async delete(responseId: string, call: ApiCall): Promise<ResponseDeleteResponse> {
    if (!(await this.options.storage.delete(responseId, call.access))) throw notFound(responseId);
    this.background?.abort(responseId);
    return { id: responseId, object: "response", deleted: true };
  }

  async listInputItems(
    responseId: string,
    query: ListResponseInputItemsQuery,
    call: ApiCall,
  ): Promise<CursorPage<ConversationItem>> {
    const { inputItems } = await this.find(responseId, call);
    return pageItems(presentItems(inputItems, includeSet(query.include)), query);
  }

  private async find(responseId: string, call: ApiCall) {
    const stored = await this.options.storage.find(responseId, call.access);
    if (!stored) throw notFound(responseId);
    return stored;
  }
}

function notFound(responseId: string): NotFoundError {
  return new NotFoundError("Response", responseId);
}
