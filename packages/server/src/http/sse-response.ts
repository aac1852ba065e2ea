import { type BatchedEvents, SSE_BATCHES, SSE_DONE, sseEvent } from "@llama-stack-ts/api";
import { toErrorResponse } from "../errors/error-response.ts";

/**
 * Stream events as upstream frames them (`data: <json>\n\n`).
 *
 * The first event is awaited before any header goes out: admission (a full queue, a model that
 * is not loaded, a bad prompt) fails there, and must reach the client as a real status (429 with
 * Retry-After, 503, 400) that clients and load balancers can act on, not as an event inside a
 * 200. An error after that becomes one `{"error": …}` event (the clients raise it), then the
 * stream ends. A client that goes away cancels the stream, which stops the generator and with it
 * the generation.
 */
export async function sseResponse(
  events: AsyncIterable<unknown>,
  options: { done?: boolean; onError?: (error: unknown) => void } = {},
): Promise<Response> {
  const encoder = new TextEncoder();
  // Events ready together go out in one write when the stream offers batches.
  const iterator: AsyncIterator<readonly unknown[]> =
    SSE_BATCHES in events ? (events as BatchedEvents<unknown>)[SSE_BATCHES]() : singles(events);
  let first: IteratorResult<readonly unknown[]> | undefined = await iterator.next();
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = first ?? (await iterator.next());
        first = undefined;
        // The client went away while the next event was coming: nothing is left to write to.
        if (cancelled) return;
        if (next.done) {
          if (options.done) controller.enqueue(encoder.encode(SSE_DONE));
          controller.close();
          return;
        }
        if (next.value.length > 0) controller.enqueue(encoder.encode(next.value.map(sseEvent).join("")));
      } catch (error) {
        const response = toErrorResponse(error);
        if (response.unexpected) options.onError?.(error);
        // The error's own code (`context_length_exceeded`) when it has one, else its status, as upstream.
        controller.enqueue(encoder.encode(sseEvent(response.body)));
        controller.close();
      }
    },
    async cancel() {
      cancelled = true;
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}

/** A stream of single events, each as a batch of one. */
function singles(events: AsyncIterable<unknown>): AsyncIterator<readonly unknown[]> {
  const iterator = events[Symbol.asyncIterator]();
  return {
    next: async () => {
      const next = await iterator.next();
      return next.done ? next : { done: false, value: [next.value] };
    },
    return: async () => {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
  };
}
