import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { ConfigError, type Stack } from "@llama-stack-ts/core";
import { createApp } from "./create-app.ts";
import { answerClientError } from "./http/answer-client-error.ts";
import type { RouteSpec } from "./http/route-spec.ts";
import { listenError } from "./listen-error.ts";
import { listedApiGaps } from "./routes/listed-api-gaps.ts";

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8321` (no `/v1`; that is llama-stack-client's base URL). */
  url: string;
  port: number;
  /**
   * Graceful stop: refuse new connections, let in-flight requests finish (up to the grace period,
   * then abort streams and drop connections), then close providers and storage.
   */
  close(): Promise<void>;
}

export interface StartServerOptions {
  port?: number;
  host?: string;
}

export async function startServer(stack: Stack, options: StartServerOptions = {}): Promise<RunningServer> {
  const { server: settings } = stack.config;
  const { app, specs, shutdown } = createApp(stack);
  const tls = settings.tls_certfile && settings.tls_keyfile;
  const host = options.host ?? settings.host;
  const requestedPort = options.port ?? settings.port;
  const server = serve({
    fetch: app.fetch,
    port: requestedPort,
    hostname: host,
    ...(tls
      ? {
          createServer: createHttpsServer,
          serverOptions: {
            cert: readTlsFile("tls_certfile", settings.tls_certfile!),
            key: readTlsFile("tls_keyfile", settings.tls_keyfile!),
            ...(settings.tls_cafile ? { ca: readTlsFile("tls_cafile", settings.tls_cafile) } : {}),
          },
        }
      : {}),
  }) as Server;
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once("listening", resolve);
    server.once("error", (error) => {
      shutdown.abort();
      reject(listenError(error, host, requestedPort));
    });
  });
  // Only a server that listens has routes worth warning about.
  warnAboutListedApis(stack, specs);
  const { port } = server.address() as AddressInfo;
  const displayHost = host.includes(":") ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `${tls ? "https" : "http"}://${displayHost === "0.0.0.0" ? "127.0.0.1" : displayHost}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        const drained = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const grace = setTimeout(() => {
          stack.logger.warn("shutdown grace period over; aborting in-flight requests");
          shutdown.abort();
          server.closeAllConnections();
        }, settings.shutdown_grace_seconds * 1000);
        await drained;
        clearTimeout(grace);
        shutdown.abort();
        await stack.close();
      })();
      return closing;
    },
  };
}

function readTlsFile(key: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new ConfigError(`Cannot read server.${key} ${path}: ${(cause as Error).message}`, { cause });
  }
}

/** Upstream's distributions list APIs this server has no routes for yet; say so rather than accept silently. */
function warnAboutListedApis(stack: Stack, specs: readonly RouteSpec[]): void {
  const gaps = listedApiGaps(stack.config.apis, specs, (api) => stack.providers.byApi(api).length);
  if (gaps.unserved.length > 0) {
    stack.logger.warn(
      `apis lists ${gaps.unserved.join(", ")}, not served by this server yet: no routes, requests answer 404`,
      { apis: gaps.unserved },
    );
  }
  if (gaps.withoutProvider.length > 0) {
    stack.logger.warn(
      `apis lists ${gaps.withoutProvider.join(", ")} with no provider configured: add one under providers to use ${gaps.withoutProvider.length > 1 ? "them" : "it"}`,
      { apis: gaps.withoutProvider },
    );
  }
}
