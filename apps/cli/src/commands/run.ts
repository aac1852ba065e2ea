import { createLogger, createStack, defaultDataDir } from "@llama-stack-ts/core";
import { documentChunker } from "@llama-stack-ts/memory";
import { assertPortFree, startServer } from "@llama-stack-ts/server";
import { builtinProviders } from "../builtin-providers.ts";
import { resolveConfig } from "../resolve-config.ts";

export interface RunOptions {
  target?: string | undefined;
  port?: number | undefined;
  host?: string | undefined;
  dataDir?: string | undefined;
}

/** `llama-stack-ts run`: start the Stack and serve it until SIGTERM/SIGINT. */
export async function runCommand(options: RunOptions, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const logger = createLogger();
  const { config, path, baseDir } = await resolveConfig(options.target, env);
  const distro = config.distro_name ?? config.image_name ?? "custom";
  const dataDir = options.dataDir ?? env.LLAMA_STACK_TS_DATA_DIR ?? defaultDataDir(distro, env);
  await assertPortFree(options.host ?? config.server.host, options.port ?? config.server.port);
  const stack = await createStack({
    config,
    registry: builtinProviders(),
    dataDir,
    baseDir,
    logger,
    documentChunker,
  });
  const server = await startServer(stack, {
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
  }).catch((error: unknown) => {
    // Close storage and models while the error is reported; main() exits after a short grace regardless.
    stack.close().catch((closeError: unknown) => logger.debug("close after a failed start", { closeError }));
    throw error;
  });
  const readyMs = Math.round(performance.now());

  const models = await stack.tables.models.list({ principal: null, enforced: false });
  const out = process.stdout;
  out.write(`llama-stack-ts: distribution '${distro}' from ${path}\n`);
  out.write(
    `  listening on ${server.url}  (llama-stack-client baseURL: ${server.url}, openai baseURL: ${server.url}/v1)\n`,
  );
  out.write(`  API docs     ${server.url}/docs\n`);
  out.write(`  data         ${stack.database.driver === "pglite" ? stack.database.location : dataDir}\n`);
  out.write(
    `  storage      ${stack.database.driver === "pglite" ? "embedded PGlite + pgvector" : stack.database.location}\n`,
  );
  out.write(
    `  providers    ${stack.providers.all.map((p) => `${p.providerId} (${p.providerType})`).join(", ") || "none"}\n`,
  );
  if (models.length === 0) {
    out.write(
      "  models       none yet. Declare one under registered_resources.models in a copy of this config\n" +
        "               and run it with `llama-stack-ts run ./config.yaml`; see README › Models.\n",
    );
  } else {
    out.write(`  models       ${models.map((m) => m.identifier).join(", ")}\n`);
  }
  out.write(`  ready in ${readyMs} ms (process start to listening)\n`);

  let signals = 0;
  const stop = async (signal: string) => {
    signals += 1;
    if (signals > 1) {
      logger.warn("second signal: exiting without waiting", { signal });
      process.exit(1);
    }
    logger.info("shutting down: finishing in-flight requests", { signal });
    try {
      await server.close();
      logger.info("stopped cleanly");
      process.exit(0);
    } catch (error) {
      logger.error("shutdown failed", { error });
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
