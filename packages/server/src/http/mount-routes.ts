import type { Stack } from "@llama-stack-ts/core";
import type { Hono } from "hono";
import type { AppEnv } from "./app-env.ts";
import { toHonoPath } from "./hono-path.ts";
import { parseInput, queryObject, readJsonBody } from "./parse-input.ts";
import { providerData } from "./provider-data.ts";
import type { RouteSpec } from "./route-spec.ts";

/**
 * Register every spec on the app: validate path, query and JSON body, call the handler, send JSON.
 * A multipart body is left unread for the handler to stream.
 */
export function mountRoutes(
  app: Hono<AppEnv>,
  specs: readonly RouteSpec[],
  stack: Stack,
  shutdown: AbortSignal,
) {
  for (const spec of specs) {
    app.on(spec.method, toHonoPath(spec.path), async (c) => {
      const params = spec.params ? parseInput(spec.params, c.req.param(), "path") : {};
      const query = spec.query ? parseInput(spec.query, queryObject(c), "query") : {};
      const body = spec.body ? parseInput(spec.body, await readJsonBody(c), "body") : undefined;
      const signal = AbortSignal.any([c.req.raw.signal, shutdown]);
      const access = c.get("access");
      const data = providerData(c);
      const result = await spec.handler({
        params,
        query,
        body,
        access,
        call: { access, signal, ...(data ? { providerData: data } : {}) },
        stack,
        signal,
        context: c,
      });
      if (result instanceof Response) return result;
      if (spec.status === 204) return c.body(null, 204);
      return c.json(result as object, spec.status ?? 200);
    });
  }
}
