import { PayloadTooLargeError } from "@llama-stack-ts/api";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/app-env.ts";
import { discardRequestBody } from "../http/discard-request-body.ts";

/**
 * 413 for a JSON body over `maxBytes`. A declared `Content-Length` is checked from the header
 * alone (reading `c.req.raw.body` makes @hono/node-server build a full `Request`, ~0.5 ms a call,
 * and takes the body off its fast path); a chunked body is counted as it arrives. Either way the
 * rest of a refused body is read and dropped first, so the 413 reaches a client that sends its
 * whole body before reading instead of a connection reset.
 *
 * @example
 * app.use(jsonBodyLimit(1_048_576));
 */
export function jsonBodyLimit(maxBytes: number) {
  const tooLarge = () =>
    new PayloadTooLargeError(
      `Request body is larger than the server's limit of ${maxBytes} bytes (server.max_request_body_bytes).`,
      { retryable: false },
    );
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (Number.parseInt(length, 10) > maxBytes) {
        await discardRequestBody(c);
        throw tooLarge();
      }
      return next();
    }
    const body = c.req.raw.body;
    if (!body) return next();
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await discardRequestBody(c, reader);
        throw tooLarge();
      }
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks, size) });
    await next();
  });
}
