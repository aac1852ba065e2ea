import {
  type AccessContext,
  type ApiCall,
  type ConversationItem,
  InvalidRequestError,
  type Logger,
  newId,
  type ResponseCreateRequest,
  type ResponseObject,
  type ResponseStreamEvent,
} from "@llama-stack-ts/api";
import { buildResponse } from "./build-response.ts";
import { followBackgroundResponse } from "./follow-background-response.ts";
import type { PreparedResponse } from "./prepare-response.ts";
import { ResponseEventHub } from "./response-event-hub.ts";
import type { ResponseEventLog } from "./response-event-log.ts";
import { ResponseEventWriter } from "./response-event-writer.ts";
import {
  type BackgroundJobs,
  RESPONSE_JOB_KIND,
  type ResponseJobPayload,
  withoutJobSecrets,
} from "./response-job.ts";
import type { ResponsesStorage } from "./responses-storage.ts";

export type { BackgroundJobs, ResponseJobPayload } from "./response-job.ts";
export { RESPONSE_JOB_KIND } from "./response-job.ts";

/** Starts a response that is already stored, as stream events that end once it is stored again. */
export type RunStoredResponse = (
  request: ResponseCreateRequest,
  call: ApiCall,
  existing: { id: string; createdAt: number },
) => Promise<AsyncIterable<ResponseStreamEvent>>;

export interface BackgroundResponsesOptions {
  jobs: BackgroundJobs;
  storage: ResponsesStorage;
  /** Where run events are kept for readers on other replicas; absent, only this process can follow a run. */
  events?: ResponseEventLog | undefined;
  logger: Logger;
  run: RunStoredResponse;
  /** Background responses one server runs at once; the rest wait queued (default 4). */
  concurrency?: number;
  /** How often a run checks whether a cancel reached it from another server (default 5 s). */
  cancelPollMs?: number;
}

const UNFINISHED = new Set(["queued", "in_progress"]);

/**
 * `background: true`: the response is stored `queued` and run by the job runner, so it survives
 * the request, a restart (a run cut short is started again from its input) and runs on any
 * replica. Cancel reaches a run here at once, one elsewhere at its next check. Streaming readers
 * follow the run through the hub when it runs here, and through the event log otherwise.
 */
export class BackgroundResponses {
  private readonly hub = new ResponseEventHub();
  private readonly runs = new Map<string, AbortController>();

  constructor(private readonly options: BackgroundResponsesOptions) {
    options.jobs.register({
      kind: RESPONSE_JOB_KIND,
      concurrency: options.concurrency ?? 4,
      maxAttempts: 3,
      run: (job, context) => this.runJob(job.payload, context.signal),
      keepOnEnd: withoutJobSecrets,
      onGiveUp: (job, lastError) =>
        this.fail(job.payload, `The server stopped while running this response: ${lastError}`),
    });
  }

  /** The request, checked and prepared, as a queued response with its job. */
  async submit(request: ResponseCreateRequest, prepared: PreparedResponse, access: AccessContext) {
    if (request.store === false) {
      throw new InvalidRequestError("Background responses must be stored: drop store: false.", {
        param: "store",
        code: "background_requires_store",
      });
    }
    const queued = buildResponse({
      id: newId("response"),
      createdAt: Math.floor(Date.now() / 1000),
      request,
      conversationId: prepared.conversationId,
      output: [],
      status: "queued",
      usage: null,
    });
    await this.enqueue(queued, [...prepared.history, ...prepared.inputItems], request, access);
    return queued;
  }

  /** Stores the queued response and its job; the job runner starts it when a slot is free. */
  private async enqueue(
    queued: ResponseObject,
    inputItems: ConversationItem[],
    request: ResponseCreateRequest,
    access: AccessContext,
  ) {
    const { storage, jobs } = this.options;
    await storage.save({ response: queued, inputItems }, access, { background: true });
    const payload = { response_id: queued.id, created_at: queued.created_at, request, access };
    try {
      await jobs.enqueue(RESPONSE_JOB_KIND, payload, { owner: access.principal });
    } catch (error) {
      await this.fail(payload, "The response could not be queued.");
      throw error;
    }
  }

  /** Stops the run if this server has it (the stored status is already `cancelled`). */
  abort(id: string): void {
    this.runs.get(id)?.abort(new Error("The response was cancelled."));
  }

  /**
   * The stream of a background response: `response.created`, `response.queued`, then its run's
   * events, numbered alike for every reader, so one that lost its connection resumes after
   * `startingAfter` (`GET /v1/responses/{id}?stream=true`).
   */
  follow(response: ResponseObject, access: AccessContext, startingAfter = -1) {
    if (!response.background) throw notBackgroundStream();
    const queued = { ...response, status: "queued" as const, output: [], usage: null };
    return followBackgroundResponse({
      hub: this.hub,
      log: this.options.events,
      storage: this.options.storage,
      queued,
      access,
      startingAfter,
    });
  }

  private async runJob(payload: ResponseJobPayload, signal: AbortSignal): Promise<void> {
    const { storage, logger } = this.options;
    const id = payload.response_id;
    const stored = await storage.find(id, payload.access);
    if (!stored || !UNFINISHED.has(stored.response.status)) return; // cancelled or deleted while queued
    const controller = new AbortController();
    const stop = () => controller.abort(signal.reason);
    signal.addEventListener("abort", stop, { once: true });
    this.runs.set(id, controller);
    this.hub.open(id);
    const writer = this.options.events && new ResponseEventWriter(this.options.events, id, logger);
    const watch = setInterval(() => {
      storage.findStatus(id, payload.access).then(
        (status) => {
          if (status === undefined || status === "cancelled")
            controller.abort(new Error("The response was cancelled."));
        },
        (error: unknown) => logger.warn("could not check a background response", { response: id, error }),
      );
    }, this.options.cancelPollMs ?? 5_000);
    watch.unref();
    try {
      const events = await this.options.run(
        payload.request,
        { access: payload.access, signal: controller.signal },
        { id, createdAt: payload.created_at },
      );
      for await (const event of events) {
        this.hub.publish(id, event);
        writer?.push(event);
      }
    } catch (error) {
      // Refused at the start (its model was removed since it was queued, say): a failed response.
      await this.fail(payload, error instanceof Error ? error.message : String(error));
    } finally {
      clearInterval(watch);
      signal.removeEventListener("abort", stop);
      this.runs.delete(id);
      this.hub.close(id);
      await writer?.close();
    }
  }

  private async fail(payload: ResponseJobPayload, message: string): Promise<void> {
    const stored = await this.options.storage.find(payload.response_id, payload.access);
    if (!stored) return;
    const response = {
      ...stored.response,
      status: "failed" as const,
      error: { code: "server_error", message },
    };
    if (await this.options.storage.update(response)) {
      this.hub.publish(payload.response_id, { type: "response.failed", sequence_number: 0, response });
    }
  }
}

export function notBackgroundStream(): InvalidRequestError {
  return new InvalidRequestError(
    "Only a background response can be streamed again; retrieve this one whole.",
    {
      param: "stream",
      code: "not_background",
    },
  );
}
