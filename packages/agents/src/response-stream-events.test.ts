import { type ResponseObject, SSE_BATCHES } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { outputTextMessage } from "./output-items.ts";
import type { ResponseLoopEvent } from "./response-loop-event.ts";
import { responseStreamEvents } from "./response-stream-events.ts";
import type { ResponseLoopEnd } from "./run-response-loop.ts";

async function* loop(): AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd> {
  yield { type: "text-start", id: "msg_1" };
  yield { type: "text-delta", id: "msg_1", delta: "Hi" };
  yield { type: "text-end", item: outputTextMessage("Hi", "msg_1") };
  return { status: "completed", usage: { input_tokens: 1, output_tokens: 1 } };
}

const snapshot = (output: unknown[], end?: ResponseLoopEnd) =>
  ({
    id: "resp_1",
    object: "response",
    status: end?.status ?? "in_progress",
    output,
  }) as unknown as ResponseObject;

async function batches(finish: (response: ResponseObject) => Promise<ResponseObject>) {
  const events = loop();
  // The router reads the first event (admission) before it answers.
  const first = await events.next();
  const stream = responseStreamEvents(events, first, { snapshot, finish });
  const iterator = stream[SSE_BATCHES]();
  const out: string[][] = [];
  for (let next = await iterator.next(); !next.done; next = await iterator.next())
    out.push(next.value.map((event) => event.type));
  return out;
}

describe("responseStreamEvents", () => {
  it("sends created and in_progress first, then a message's announcement with its first delta", async () => {
    expect(await batches(async (response) => response)).toEqual([
      ["response.created", "response.in_progress"],
      ["response.output_item.added", "response.content_part.added", "response.output_text.delta"],
      ["response.output_text.done", "response.content_part.done", "response.output_item.done"],
      ["response.completed"],
    ]);
  });

  it("ends with OpenAI's error event when the answer cannot be stored", async () => {
    const sent = await batches(async () => {
      throw new Error("database gone");
    });
    expect(sent.at(-1)).toEqual(["error"]);
    expect(sent.flat().filter((type) => type.startsWith("response.completed"))).toEqual([]);
  });
});
