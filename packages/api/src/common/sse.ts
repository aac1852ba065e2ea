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
