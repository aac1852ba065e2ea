import type { RunConfig } from "@llama-stack-ts/core";
import { cors } from "hono/cors";

// The clients send these; a browser app using them needs them allowed.
const CLIENT_HEADERS = [
  "authorization",
  "content-type",
  "x-request-id",
  "x-llamastack-provider-data",
  "x-llamastack-client-version",
  "x-stainless-arch",
  "x-stainless-lang",
  "x-stainless-os",
  "x-stainless-package-version",
  "x-stainless-retry-count",
  "x-stainless-runtime",
  "x-stainless-runtime-version",
  "x-stainless-timeout",
];

/**
 * `server.cors: true` allows any origin without credentials; an object lists origins and options.
 * Absent or false: no CORS headers at all.
 *
 * @example
 * const mw = corsFromConfig({ allow_origins: ["http://localhost:3000"] });
 */
export function corsFromConfig(setting: RunConfig["server"]["cors"]) {
  if (!setting) return undefined;
  if (setting === true) {
    return cors({ origin: "*", allowHeaders: CLIENT_HEADERS, exposeHeaders: ["x-request-id"] });
  }
  return cors({
    origin: setting.allow_origins.includes("*") ? "*" : setting.allow_origins,
    allowMethods: setting.allow_methods ?? ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
    allowHeaders: setting.allow_headers ?? CLIENT_HEADERS,
    exposeHeaders: setting.expose_headers ?? ["x-request-id"],
    credentials: setting.allow_credentials ?? false,
    ...(setting.max_age !== undefined ? { maxAge: setting.max_age } : {}),
  });
}
