import { newId } from "@llama-stack-ts/api";
import type { Stack } from "@llama-stack-ts/core";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/app-env.ts";

const SAFE_ID = /^[\w.:-]{1,128}$/;

/**
 * Request id (the caller's `x-request-id` when sane, else a new one, echoed back), a request
 * logger, and one structured log line per request with status and duration.
 *
 * @example
 * app.use(requestContext(stack)); // every response carries x-request-id
 */
export function requestContext(stack: Stack) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && SAFE_ID.test(incoming) ? incoming : newId("request");
    const logger = stack.logger.child({ request_id: requestId });
    c.set("requestId", requestId);
    c.set("logger", logger);
    c.set("access", { principal: null, enforced: false });
    try {
      await next();
    } finally {
      c.header("x-request-id", requestId);
      const fields = {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        duration_ms: Math.round((performance.now() - started) * 10) / 10,
        principal: c.get("access").principal,
      };
      if (c.req.path.endsWith("/health")) logger.debug("request", fields);
      else logger.info("request", fields);
    }
  });
}
