import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { EDGE_LIMITS } from "./edge-limits.ts";

/**
 * Read and drop what is left of a refused request's body, within `EDGE_LIMITS.discardBytes` and
 * `discardMs`, so the refusal sent afterwards reaches a client that writes its whole body before
 * reading. Past either bound the connection is marked to close: a client sending that much
 * after being refused gets a reset, as from any server.
 */
export async function discardRequestBody(
  c: Context,
  reader?: ReadableStreamDefaultReader<Uint8Array>,
): Promise<void> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const declared = Number.parseInt(c.req.header("content-length") ?? "", 10);
  const finished =
    declared > EDGE_LIMITS.discardBytes
      ? false
      : reader
        ? await discardFromReader(reader)
        : incoming
          ? await discardFromIncoming(incoming)
          : c.req.raw.body
            ? await discardFromReader(c.req.raw.body.getReader())
            : true;
  if (!finished) c.header("connection", "close");
}

async function discardFromReader(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<boolean> {
  const deadline = Date.now() + EDGE_LIMITS.discardMs;
  let bytes = 0;
  try {
    while (bytes <= EDGE_LIMITS.discardBytes && Date.now() < deadline) {
      const { done, value } = await reader.read();
      if (done) return true;
      bytes += value.byteLength;
    }
  } catch {
    return false;
  }
  return false;
}

function discardFromIncoming(incoming: IncomingMessage): Promise<boolean> {
  if (incoming.readableEnded) return Promise.resolve(true);
  if (incoming.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    let bytes = 0;
    const done = (finished: boolean) => {
      clearTimeout(timer);
      incoming.off("data", onData).off("end", onEnd).off("error", onError);
      if (!finished) incoming.pause();
      resolve(finished);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > EDGE_LIMITS.discardBytes) done(false);
    };
    const onEnd = () => done(true);
    const onError = () => done(false);
    const timer = setTimeout(() => done(false), EDGE_LIMITS.discardMs);
    incoming.on("data", onData).on("end", onEnd).on("error", onError);
    incoming.resume();
  });
}
