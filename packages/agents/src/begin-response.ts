import {
  type ApiCall,
  type ConversationItemInput,
  type Logger,
  newId,
  type ResponseCreateRequest,
  type ResponseObject,
  type ResponseOutputItem,
  type SafetyApi,
} from "@llama-stack-ts/api";
import { buildResponse } from "./build-response.ts";
import { firstViolation } from "./first-violation.ts";
import { itemsToMessages } from "./items-to-messages.ts";
import { refusalMessage, refusalText } from "./output-items.ts";
import { type PreparedResponse, prepareResponse } from "./prepare-response.ts";
import type { ResponseLiveness } from "./response-liveness.ts";
import type { ResponseLoopEvent } from "./response-loop-event.ts";
import type { ResponsesStorage } from "./responses-storage.ts";
import type { RouterLookup } from "./router-lookup.ts";
import { type ResponseLoopEnd, responseLoop } from "./run-response-loop.ts";
import { namedShields, requestGuardrails, withGuardrails } from "./with-guardrails.ts";

/** How long after its first output a stored response is written `in_progress`. */
const STORE_DELAY_MS = 5;

const SHIELD_REFUSAL = "I can't help with that: the request was blocked by a safety shield.";

export interface BeginDependencies {
  routers: RouterLookup;
  storage: ResponsesStorage;
  liveness: ResponseLiveness;
  logger: Logger;
}

export interface BeginOptions {
  /** A response already stored (queued in the background): its id, and its row is updated. */
  existing?: { id: string; createdAt: number };
  prepared?: PreparedResponse;
  /** Shields that judge only the output (an agent's `output_shields`). */
  outputShields?: readonly string[] | undefined;
}

/** A started response: the loop's events and how to snapshot and finish it. */
export interface BegunResponse {
  id: string;
  events: AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd>;
  safety: SafetyApi | undefined;
  inputBlocked: boolean;
  /** The Response object for these output items; `end` absent while it is in progress. */
  snapshot(output: ResponseOutputItem[], end?: ResponseLoopEnd): ResponseObject;
  /** Stores the ended response and appends it to its conversation; the response as stored (a cancel may have won). */
  finish(response: ResponseObject): Promise<ResponseObject>;
}

/**
 * Checks, prepares and starts a response: input shields, then the loop (or the refusal). A
 * stored response is written `in_progress` once its first step is admitted (off the path to the
 * first token) and kept alive by the liveness beat until `finish` replaces it.
 */
export async function beginResponse(
  deps: BeginDependencies,
  request: ResponseCreateRequest,
  call: ApiCall,
  options: BeginOptions = {},
): Promise<BegunResponse> {
  const prepared =
    options.prepared ??
    (await prepareResponse(
      request,
      {
        storage: deps.storage,
        conversations: () => deps.routers.require("conversations"),
        prompts: () => deps.routers.require("prompts"),
        toolGroups: () => deps.routers.require("tool_groups"),
      },
      call,
    ));
  const id = options.existing?.id ?? newId("response");
  const createdAt = options.existing?.createdAt ?? Math.floor(Date.now() / 1000);
  const shields = () => deps.routers.require("shields");
  const safety = withGuardrails(
    deps.routers.get("safety"),
    await requestGuardrails(request, shields, deps.routers.get("safety"), call),
    await namedShields(
      options.outputShields ?? [],
      "output_shields",
      shields,
      deps.routers.get("safety"),
      call,
    ),
  );
  const violation = await firstViolation(safety, "input", itemsToMessages(prepared.inputItems), call);
  const loop = violation
    ? refusalOnly(refusalText(violation, SHIELD_REFUSAL))
    : responseLoop({
        request,
        messages: prepared.messages,
        plan: prepared.plan,
        history: prepared.history,
        inputItems: prepared.inputItems,
        inference: deps.routers.require("inference"),
        toolRuntime: () => deps.routers.require("tool_runtime"),
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
  const store = request.store !== false;
  const inputItems = [...prepared.history, ...prepared.inputItems];
  let stored: Promise<boolean> | undefined;
  let pending: NodeJS.Timeout | undefined;
  const markStarted = () => {
    if (!store) return;
    // A little later: the first token's events reach the socket before the write runs (embedded
    // PGlite runs queries on this thread); a response that ends before then is written once.
    pending = setTimeout(() => {
      pending = undefined;
      const written = options.existing
        ? deps.storage.update(snapshot([]))
        : deps.storage.save({ response: snapshot([]), inputItems }, call.access).then(() => true);
      stored = written.then(
        (ok) => {
          if (ok) deps.liveness.track(id);
          return ok;
        },
        (error: unknown) => {
          deps.logger.warn("could not store a response in progress", { response: id, error });
          return false;
        },
      );
    }, STORE_DELAY_MS);
  };
  const finish = async (response: ResponseObject): Promise<ResponseObject> => {
    let answered = response;
    if (store) {
      clearTimeout(pending);
      const started = await stored;
      deps.liveness.untrack(id);
      // A queued background response has its row already: it is updated, like one written in progress.
      const hasRow = options.existing !== undefined || started === true;
      if (!hasRow) await deps.storage.save({ response, inputItems }, call.access);
      else if (!(await deps.storage.update(response)))
        answered = (await deps.storage.find(id, call.access))?.response ?? response;
    }
    if (prepared.conversationId !== null && ["completed", "incomplete"].includes(answered.status)) {
      await deps.routers
        .require("conversations")
        .appendItems(
          prepared.conversationId,
          [...prepared.inputItems, ...answered.output] as ConversationItemInput[],
          call,
        );
    }
    return answered;
  };
  return {
    id,
    events: onFirstEvent(loop, markStarted),
    safety,
    inputBlocked: violation !== null,
    snapshot,
    finish,
  };
}

/** An input shield's verdict as the response's only output. */
async function* refusalOnly(refusal: string): AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd> {
  yield { type: "refusal", item: refusalMessage(refusal) };
  return { status: "completed", usage: { input_tokens: 0, output_tokens: 0 } };
}

/** The events unchanged; `first` runs when the first output arrives (text, a call, a refusal). */
async function* onFirstEvent(
  events: AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd>,
  first: () => void,
): AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd> {
  let started = false;
  try {
    for (;;) {
      const next = await events.next();
      // After the first token is on its way, not before: storing it must not delay that token.
      if (!started && (next.done || (next.value.type !== "step-start" && next.value.type !== "text-start"))) {
        started = true;
        first();
      }
      if (next.done) return next.value;
      yield next.value;
    }
  } finally {
    await events.return({ status: "failed", usage: { input_tokens: 0, output_tokens: 0 } });
  }
}
