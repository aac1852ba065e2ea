import { createParser, type EventSourceMessage } from "eventsource-parser";

/**
 * JSON payloads of a `text/event-stream` body; stops at `[DONE]`. Framing (CR, LF or CRLF line
 * ends, even split across reads; comments; multi-line data) is eventsource-parser's job.
 */
export async function* parseSse(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const decoder = new TextDecoder();
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return; // an event without its closing blank line is incomplete, as in browsers
      parser.feed(decoder.decode(value, { stream: true }));
      for (const event of events.splice(0)) {
        if (event.data === "[DONE]") return;
        if (event.data) yield JSON.parse(event.data);
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
