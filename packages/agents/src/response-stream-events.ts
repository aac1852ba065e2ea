import {
  type BatchedEvents,
  type ResponseObject,
  type ResponseOutputItem,
  type ResponseStreamEvent,
  SSE_BATCHES,
} from "@llama-stack-ts/api";
import {
  EMPTY_TEXT_PART,
  functionCallEvents,
  messageAdded,
  refusalEvents,
  textDone,
  toolEndEvents,
  toolStartEvents,
  type UnnumberedEvent,
  wholeItemEvents,
} from "./item-stream-events.ts";
import type { ResponseLoopEvent } from "./response-loop-event.ts";
import { CLIENT_GONE } from "./run-inference-step.ts";
import type { ResponseLoopEnd } from "./run-response-loop.ts";

export interface ResponseStreamEventsOptions {
  /** The Response object for these output items; `end` absent while it is in progress. */
  snapshot(output: ResponseOutputItem[], end?: ResponseLoopEnd): ResponseObject;
  /**
   * Stores the ended response (and appends it to its conversation) before the terminal event;
   * answers the response as stored (a cancel may have won the race).
   */
  finish(response: ResponseObject): Promise<ResponseObject>;
}

/** OpenAI has no `response.cancelled` event: a cancelled response ends with `response.failed`. */
const TERMINAL: Record<string, string> = {
  completed: "response.completed",
  incomplete: "response.incomplete",
};

const DISCONNECTED = {
  status: "failed" as const,
  error: CLIENT_GONE,
  usage: { input_tokens: 0, output_tokens: 0 },
};

/**
 * The loop's events as OpenAI's stream: `response.created`, `response.in_progress`, every item
 * announced before its deltas under its own `output_index`, `sequence_number` from 0, and one
 * terminal event carrying the response that is stored. `first` is the loop's first event, already
 * awaited (admission). An error after that fails the response rather than the stream.
 */
export function responseStreamEvents(
  events: AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd>,
  first: IteratorResult<ResponseLoopEvent, ResponseLoopEnd>,
  options: ResponseStreamEventsOptions,
): BatchedEvents<ResponseStreamEvent> {
  const batches = responseStreamBatches(events, first, options);
  return {
    [SSE_BATCHES]: () => batches,
    async *[Symbol.asyncIterator]() {
      for await (const batch of { [Symbol.asyncIterator]: () => batches }) yield* batch;
    },
  };
}

/**
 * The stream as batches of the events that are ready together: `response.created` and
 * `in_progress` at admission, then the events of the loop's `text-start` wait for the next ones,
 * so a message's announcement and its first delta leave in one write.
 */
async function* responseStreamBatches(
  events: AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd>,
  first: IteratorResult<ResponseLoopEvent, ResponseLoopEnd>,
  options: ResponseStreamEventsOptions,
): AsyncGenerator<ResponseStreamEvent[]> {
  let sequence = 0;
  const number = (event: UnnumberedEvent) =>
    ({ ...event, sequence_number: sequence++ }) as ResponseStreamEvent;
  const output: ResponseOutputItem[] = [];
  const positions = new Map<string, number>();
  const place = (id: string) => {
    const index = positions.get(id) ?? positions.size;
    positions.set(id, index);
    return { item_id: id, output_index: index };
  };
  const map = (event: ResponseLoopEvent): UnnumberedEvent[] => {
    if (event.type === "step-start") return [];
    if (event.type === "text-start") {
      const at = place(event.id);
      return [
        { type: "response.output_item.added", output_index: at.output_index, item: messageAdded(event.id) },
        { type: "response.content_part.added", ...at, content_index: 0, part: EMPTY_TEXT_PART },
      ];
    }
    if (event.type === "text-delta")
      return [
        {
          type: "response.output_text.delta",
          ...place(event.id),
          content_index: 0,
          delta: event.delta,
          logprobs: [],
        },
      ];
    if (event.type === "tool-start") return toolStartEvents(place(event.item.id), event.item);
    const at = place(event.item.id);
    output[at.output_index] = event.item;
    if (event.type === "text-end") return textDone(at, event.item);
    if (event.type === "tool-end") return toolEndEvents(at, event.item);
    if (event.type === "function-call") return functionCallEvents(at, event.item);
    if (event.type === "item") return wholeItemEvents(at, event.item);
    return refusalEvents(at, event.item);
  };

  let finished = false;
  try {
    // Sent at admission, with the headers: the first write of a response is the slow one.
    yield [
      number({ type: "response.created", response: options.snapshot([]) }),
      number({ type: "response.in_progress", response: options.snapshot([]) }),
    ];
    let held: ResponseStreamEvent[] = [];
    let next = first;
    let end: ResponseLoopEnd;
    try {
      while (!next.done) {
        held.push(...map(next.value).map(number));
        if (next.value.type !== "step-start" && next.value.type !== "text-start") {
          yield held;
          held = [];
        }
        next = await events.next();
      }
      end = next.value;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      end = {
        status: "failed",
        error: { code: "server_error", message },
        usage: { input_tokens: 0, output_tokens: 0 },
      };
    }
    finished = true;
    let response: ResponseObject;
    try {
      response = await options.finish(options.snapshot(output.filter(Boolean), end));
    } catch (error) {
      // The answer could not be stored: OpenAI's `error` event ends the stream instead.
      const message = error instanceof Error ? error.message : String(error);
      yield [...held, number({ type: "error", code: "server_error", message, param: null })];
      return;
    }
    yield [...held, number({ type: TERMINAL[response.status] ?? "response.failed", response })];
  } finally {
    // A client gone mid-stream ends the loop, and with it the generation; what it got is stored as failed.
    await events.return(DISCONNECTED);
    if (!finished) await options.finish(options.snapshot(output.filter(Boolean), DISCONNECTED));
  }
}
