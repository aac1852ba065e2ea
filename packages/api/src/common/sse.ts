import type { ErrorEnvelope } from "./error-envelope.ts";

/**
 * One Server-Sent Event as upstream frames it: `data: <json>\n\n`, no `event:` line. Clients stop on
 * a payload with a top-level `error` key, so an error mid-stream is `sseEvent(envelope)`.
 */
export function sseEvent(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

/** The terminator the openai SDK tolerates and llama-stack-client ignores. */
export const SSE_DONE = "data: [DONE]\n\n";

export type SseErrorPayload = ErrorEnvelope;

/**
 * A stream that can also be read in batches: events that are ready together (a response's
 * `created` and `in_progress`, an item's announcement and its first delta) reach the client in
 * one write. `sseResponse` reads the batches when offered; any other reader sees single events.
 */
export const SSE_BATCHES: unique symbol = Symbol.for("llama-stack-ts.sse-batches");

export interface BatchedEvents<T> extends AsyncIterable<T> {
  [SSE_BATCHES](): AsyncIterator<readonly T[]>;
}
