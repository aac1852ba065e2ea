import { PayloadTooLargeError } from "@llama-stack-ts/api";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/app-env.ts";

/**
 * 413 for a JSON body over `maxBytes`. A declared `Content-Length` is checked from the header
 * alone: Hono's `bodyLimit` reads `c.req.raw.body`, which makes @hono/node-server build a full
 * `Request` (~0.5 ms per call) and takes the body off its fast path. Chunked bodies are counted
 * by `bodyLimit` as they arrive.
 *
 * @example
 * app.use(jsonBodyLimit(1_048_576));
 */
export function jsonBodyLimit(maxBytes: number) {
  const tooLarge = () => {
    throw new PayloadTooLargeError(
      `Request body is larger than the server's limit of ${maxBytes} bytes (server.max_request_body_bytes).`,
      { retryable: false },
    );
  };
  const counted = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return createMiddleware<AppEnv>(async (c, next) => {
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) return counted(c, next);
    if (Number.parseInt(length, 10) > maxBytes) tooLarge();
    await next();
  });
}
