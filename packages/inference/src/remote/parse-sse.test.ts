import { describe, expect, it } from "vitest";
import { parseSse } from "./parse-sse.ts";

/** A body that arrives in exactly these reads. */
function body(...reads: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const read of reads) controller.enqueue(encoder.encode(read));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<unknown[]> {
  const events: unknown[] = [];
  for await (const event of parseSse(stream)) events.push(event);
  return events;
}

describe("parseSse", () => {
  it("keeps events apart when a CRLF is split between two reads", async () => {
    const events = await collect(body('data: {"a":1}\r', "\n\r", '\ndata: {"b":2}\r\n\r\n'));
    expect(events).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it("reads CR-only and LF-only line ends, comments and multi-line data", async () => {
    const events = await collect(
      body(': keep-alive\n\ndata: {"a":\r', "data: 1}\r\r", 'event: x\ndata: {"b":2}\n\n'),
    );
    expect(events).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it("stops at [DONE] and ignores an unfinished last event", async () => {
    expect(await collect(body('data: {"a":1}\n\ndata: [DONE]\n\ndata: {"b":2}\n\n'))).toEqual([{ a: 1 }]);
    expect(await collect(body('data: {"a":1}\n\ndata: {"b"'))).toEqual([{ a: 1 }]);
  });

  it("decodes a character split across reads", async () => {
    const bytes = new TextEncoder().encode('data: {"t":"é"}\n\n');
    const split = bytes.indexOf(0xc3) + 1;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    expect(await collect(stream)).toEqual([{ t: "é" }]);
  });
});
