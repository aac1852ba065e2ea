import type { Stack } from "@llama-stack-ts/core";
import type { Hono } from "hono";
import type { AppEnv } from "./app-env.ts";
import { checkEdgeInput } from "./check-edge-input.ts";
import { toHonoPath } from "./hono-path.ts";
import { parseInput, queryObject, readJsonBody } from "./parse-input.ts";
import { providerData } from "./provider-data.ts";
import type { RouteSpec } from "./route-spec.ts";

/**
 * Register every spec on the app: hold path, query and JSON body to the edge policy
 * (`checkEdgeInput`), validate them, call the handler, send JSON. A multipart body is left unread
 * for the handler to stream (its fields and filename get the same policy there).
 */
export function mountRoutes(
  app: Hono<AppEnv>,
  specs: readonly RouteSpec[],
  stack: Stack,
  shutdown: AbortSignal,
) {
  for (const spec of specs) {
    app.on(spec.method, toHonoPath(spec.path), async (c) => {
      const rawParams = c.req.param();
      checkEdgeInput(rawParams, "path", "id");
      const rawQuery = queryObject(c);
      checkEdgeInput(rawQuery, "query", "name");
      const params = spec.params ? parseInput(spec.params, rawParams, "path") : {};
      const query = spec.query ? parseInput(spec.query, rawQuery, "query") : {};
      let body: unknown;
      if (spec.body) {
        const raw = await readJsonBody(c);
        checkEdgeInput(raw, "body");
        body = parseInput(spec.body, raw, "body");
      }
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
