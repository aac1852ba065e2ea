import { MethodNotAllowedError, NotFoundError } from "@llama-stack-ts/api";
import type { Stack } from "@llama-stack-ts/core";
import { type Context, Hono } from "hono";
import { toErrorResponse } from "./errors/error-response.ts";
import type { AppEnv } from "./http/app-env.ts";
import { toPathRegExp } from "./http/hono-path.ts";
import { mountRoutes } from "./http/mount-routes.ts";
import type { RouteSpec } from "./http/route-spec.ts";
import { installAgents } from "./install-agents.ts";
import { authenticate } from "./middleware/authenticate.ts";
import { clientVersion } from "./middleware/client-version.ts";
import { corsFromConfig } from "./middleware/cors-from-config.ts";
import { jsonBodyLimit } from "./middleware/json-body-limit.ts";
import { requestContext } from "./middleware/request-context.ts";
import { buildOpenApi } from "./openapi/build-openapi.ts";
import { renderDocsPage } from "./openapi/docs-page.ts";
import { allRoutes } from "./routes/all-routes.ts";
import { API_VERSION } from "./version.ts";

export interface StackApp {
  app: Hono<AppEnv>;
  specs: readonly RouteSpec[];
  /** Aborted on shutdown so long-running handlers (streams) can end. */
  shutdown: AbortController;
}

/** The Hono app serving the Stack under /v1, /v1alpha and /v1beta. */
export function createApp(stack: Stack): StackApp {
  installAgents(stack);
  const app = new Hono<AppEnv>();
  const shutdown = new AbortController();
  const specs = allRoutes(() => specs);
  const matchers = specs.map((spec) => ({ spec, regexp: toPathRegExp(spec.path) }));
  const publicRoutes = new Set(specs.filter((s) => s.public).map((s) => `${s.method} ${s.path}`));
  publicRoutes.add("GET /openapi.json").add("GET /docs").add("GET /");

  app.use(requestContext(stack));
  const cors = corsFromConfig(stack.config.server.cors);
  if (cors) app.use(cors);
  app.use(authenticate(stack, (method, path) => publicRoutes.has(`${method} ${path}`)));
  app.use(clientVersion(API_VERSION));
  const limitJsonBody = jsonBodyLimit(stack.config.server.max_request_body_bytes);
  // Multipart routes (file uploads) stream their body and enforce their own, larger limit.
  const multipart = matchers.filter((m) => m.spec.multipart);
  app.use((c, next) =>
    multipart.some((m) => m.spec.method === c.req.method && m.regexp.test(c.req.path))
      ? next()
      : limitJsonBody(c, next),
  );

  mountRoutes(app, specs, stack, shutdown.signal);

  let openapi: ReturnType<typeof buildOpenApi> | undefined;
  const document = () => {
    openapi ??= buildOpenApi(specs);
    return openapi;
  };
  app.get("/openapi.json", (c) => c.json(document()));
  app.get("/docs", (c) => c.html(renderDocsPage(specs, document())));
  app.get("/", (c) => c.redirect("/docs"));

  // Both answers come from the error family, with its headers (`allow`, `x-should-retry`).
  app.notFound((c) => {
    const allowed = [...new Set(matchers.filter((m) => m.regexp.test(c.req.path)).map((m) => m.spec.method))];
    if (allowed.length > 0) return respond(c, new MethodNotAllowedError(c.req.method, c.req.path, allowed));
    return respond(
      c,
      new NotFoundError("Route", `${c.req.method} ${c.req.path}`, "See GET /v1/inspect/routes or /docs."),
    );
  });

  app.onError((error, c) =>
    respond(c, error, { vectorStoresQuirk: c.req.path.startsWith("/v1/vector_stores") }),
  );

  function respond(c: Context<AppEnv>, error: unknown, options?: { vectorStoresQuirk: boolean }) {
    const response = toErrorResponse(error, options);
    const logger = c.get("logger") ?? stack.logger;
    if (response.unexpected) logger.error("unhandled error", { error: errorDetail(error) });
    for (const [key, value] of Object.entries(response.headers)) c.header(key, value);
    return c.json(response.body, response.status as 400);
  }

  return { app, specs, shutdown };
}

function errorDetail(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { value: String(error) };
}
