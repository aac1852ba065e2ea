import { UpgradeRequiredError } from "@llama-stack-ts/api";
import { createMiddleware } from "hono/factory";

/**
 * Upstream rejects a client whose `X-LlamaStack-Client-Version` has another major.minor (426).
 * We speak the 0.7 API, so 0.7.x clients pass; clients that send no header always pass.
 *
 * @example
 * app.use(clientVersion("0.7"));
 */
export function clientVersion(apiVersion: string) {
  return createMiddleware(async (c, next) => {
    const sent = c.req.header("x-llamastack-client-version");
    if (sent) {
      const majorMinor = sent.split(".").slice(0, 2).join(".");
      if (majorMinor !== apiVersion) {
        throw new UpgradeRequiredError(
          `Client version ${sent} is not compatible with server API version ${apiVersion}. Please update your client.`,
          { retryable: false },
        );
      }
    }
    await next();
  });
}
