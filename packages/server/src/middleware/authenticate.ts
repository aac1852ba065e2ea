import type { Stack } from "@llama-stack-ts/core";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/app-env.ts";

/**
 * With `server.auth` configured, every route but the public ones needs `Authorization: Bearer
 * <key>`; the key's principal owns what the request creates. Without it, callers are anonymous.
 *
 * @example
 * app.use(authenticate(stack, (path) => path === "/v1/health"));
 */
export function authenticate(stack: Stack, isPublic: (method: string, path: string) => boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const authenticator = stack.authenticator;
    if (authenticator && c.req.method !== "OPTIONS" && !isPublic(c.req.method, c.req.path)) {
      c.set("access", authenticator.authenticate(c.req.header("authorization")));
    }
    await next();
  });
}
