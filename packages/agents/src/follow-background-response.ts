import type { AccessContext, ResponseObject, ResponseStreamEvent } from "@llama-stack-ts/api";
import type { ResponseEventHub } from "./response-event-hub.ts";
import type { ResponsesStorage } from "./responses-storage.ts";

export interface FollowOptions {
  hub: ResponseEventHub;
  storage: ResponsesStorage;
  /** The response as it was queued (status `queued`, no output). */
  queued: ResponseObject;
  access: AccessContext;
  /** Events numbered up to this one were already read (-1: none). */
  startingAfter: number;
}

const POLL_MS = 500;

/**
 * A background response as a stream: `response.created` and `response.queued`, then the run's
 * events (its own `response.created` left out), numbered from 0 the same way for every reader.
 * When another replica runs it, or its events are gone, only its end can be told: the stored
 * response in one terminal event.
 */
export async function* followBackgroundResponse(options: FollowOptions): AsyncGenerator<ResponseStreamEvent> {
  const { hub, queued, startingAfter } = options;
  let sequence = 0;
  function* emit(event: Record<string, unknown>): Generator<ResponseStreamEvent> {
    const number = sequence++;
    if (number > startingAfter) yield { ...event, sequence_number: number } as ResponseStreamEvent;
  }
  yield* emit({ type: "response.created", response: queued });
  yield* emit({ type: "response.queued", response: queued });
  if (hub.has(queued.id)) {
    for await (const event of hub.read(queued.id)) {
      if (event.type !== "response.created") yield* emit(event);
    }
    return;
  }
  for (;;) {
    const stored = await options.storage.find(queued.id, options.access);
    const status = stored?.response.status;
    if (status !== "queued" && status !== "in_progress") {
      const response = stored?.response ?? { ...queued, status: "failed" };
      const type =
        response.status === "completed"
          ? "response.completed"
          : response.status === "incomplete"
            ? "response.incomplete"
            : "response.failed";
      yield { type, response, sequence_number: Math.max(sequence, startingAfter + 1) } as ResponseStreamEvent;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
