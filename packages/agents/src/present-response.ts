import {
  type BatchedEvents,
  type ResponseObject,
  type ResponseStreamEvent,
  SSE_BATCHES,
} from "@llama-stack-ts/api";
import { presentItem, presentItems } from "@llama-stack-ts/provider-kit";

/** A stored response as a reader sees it: its items' tool results only where `include` asks. */
export function presentResponse(response: ResponseObject, include: ReadonlySet<string>): ResponseObject {
  return { ...response, output: presentItems(response.output, include) };
}

function presentEvent(event: ResponseStreamEvent, include: ReadonlySet<string>): ResponseStreamEvent {
  const item = event.item as ResponseObject["output"][number] | undefined;
  const response = event.response as ResponseObject | undefined;
  if (!item && !response) return event;
  return {
    ...event,
    ...(item ? { item: presentItem(item, include) } : {}),
    ...(response ? { response: presentResponse(response, include) } : {}),
  };
}

/** A response's stream as a reader sees it, its batches kept (they go out in one write each). */
export function presentEvents(
  events: AsyncIterable<ResponseStreamEvent>,
  include: ReadonlySet<string>,
): BatchedEvents<ResponseStreamEvent> {
  const batched = (events as Partial<BatchedEvents<ResponseStreamEvent>>)[SSE_BATCHES];
  async function* batches(): AsyncGenerator<readonly ResponseStreamEvent[]> {
    if (!batched) {
      for await (const event of events) yield [presentEvent(event, include)];
      return;
    }
    const source = batched.call(events);
    try {
      for (;;) {
        const next = await source.next();
        if (next.done) return;
        yield next.value.map((event) => presentEvent(event, include));
      }
    } finally {
      // A reader that left stops the run (and frees its model sequence), as without this wrapper.
      await source.return?.();
    }
  }
  return {
    [SSE_BATCHES]: batches,
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches()) yield* batch;
    },
  };
}
