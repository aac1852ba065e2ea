import type { DocumentChunker, Logger } from "@llama-stack-ts/api";
import { ConversationsRouter } from "../apis/conversations/conversations-router.ts";
import { ConversationsStore } from "../apis/conversations/conversations-store.ts";
import { FilesRouter } from "../apis/files/files-router.ts";
import { FilesStore } from "../apis/files/files-store.ts";
import { ChatCompletionStore } from "../apis/inference/chat-completion-store.ts";
import { InferenceRouter } from "../apis/inference/inference-router.ts";
import { PromptsRouter } from "../apis/prompts/prompts-router.ts";
import { PromptsStore } from "../apis/prompts/prompts-store.ts";
import { ResponseEventsStore } from "../apis/responses/response-events-store.ts";
import { ResponsesStore } from "../apis/responses/responses-store.ts";
import { SafetyRouter } from "../apis/safety/safety-router.ts";
import { ShieldsRouter } from "../apis/safety/shields-router.ts";
import { validateSafetyConfig } from "../apis/safety/validate-safety-config.ts";
import { registerDefaultToolGroups } from "../apis/tool-runtime/default-tool-groups.ts";
import { ToolGroupsRouter } from "../apis/tool-runtime/tool-groups-router.ts";
import { ToolRuntimeRouter } from "../apis/tool-runtime/tool-runtime-router.ts";
import { VectorIoRouter } from "../apis/vector-io/vector-io-router.ts";
import { VectorStoresRouter } from "../apis/vector-stores/vector-stores-router.ts";
import { VectorStoresStore } from "../apis/vector-stores/vector-stores-store.ts";
import { ANONYMOUS } from "../auth/access-context.ts";
import { ApiKeyAuthenticator } from "../auth/api-key-authenticator.ts";
import type { RunConfig } from "../config/run-config-schema.ts";
import { JobRunner } from "../jobs/job-runner.ts";
import { createLogger } from "../logging/create-logger.ts";
import type { ProviderRegistry } from "../registry/provider-registry.ts";
import { ModelsTable } from "../resource-tables/models-table.ts";
import { createShieldsTable } from "../resource-tables/shields-table.ts";
import { createToolGroupsTable } from "../resource-tables/tool-groups-table.ts";
import { createVectorStoresTable } from "../resource-tables/vector-stores-table.ts";
import { openDatabase } from "../storage/open-database.ts";
import { selectBackend } from "../storage/select-backend.ts";
import { instantiateProviders, planProviders } from "./instantiate-providers.ts";
import { ProviderSet } from "./provider-set.ts";
import { refreshModels, registerConfiguredResources } from "./register-configured-resources.ts";
import type { Stack, StackTables } from "./stack.ts";
import { createStackRouters } from "./stack-routers.ts";

export interface CreateStackOptions {
  config: RunConfig;
  registry: ProviderRegistry;
  /** Distribution data directory (embedded database, provider files); null = in memory. */
  dataDir: string | null;
  /** Directory relative `module:` paths resolve against (the config file's). */
  baseDir?: string;
  logger?: Logger;
  /** Parses and chunks files attached to vector stores (the memory package's `documentChunker`). */
  documentChunker?: DocumentChunker;
}

/** How often expired files are deleted; reads never serve them, so this only reclaims space. */
const FILE_EXPIRY_SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/** Start-up: storage and migrations, providers, config resources, model discovery. */
export async function createStack(options: CreateStackOptions): Promise<Stack> {
  const { config, registry, dataDir } = options;
  const logger = options.logger ?? createLogger();
  const distroName = config.distro_name ?? config.image_name ?? "custom";
  const backend = selectBackend(config.storage);
  const planned = await planProviders(config, registry, options.baseDir ?? process.cwd());
  const database = await openDatabase(backend, dataDir);
  const routers = createStackRouters();
  // Embedded PGlite: only this process can open the database, so no other runner is alive.
  const jobs = new JobRunner({ db: database.db, logger, exclusive: database.driver === "pglite" });
  let providers: ProviderSet | undefined;
  try {
    providers = new ProviderSet(
      await instantiateProviders(planned, { dataDir, logger, routers, sql: database.sql }),
    );
    const inferenceIds = providers.byApi("inference").map((p) => p.providerId);
    const tables: StackTables = {
      models: new ModelsTable(database.db, inferenceIds),
      shields: createShieldsTable(database.db),
      vectorStores: createVectorStoresTable(database.db),
      toolGroups: createToolGroupsTable(database.db),
    };
    await registerConfiguredResources(config, providers, tables, logger);
    validateSafetyConfig(config, await tables.shields.list(ANONYMOUS));
    const inference = new InferenceRouter(tables.models, providers, new ChatCompletionStore(database.db));
    routers.set("inference", inference);
    const vectorIo = new VectorIoRouter(tables.vectorStores, providers, inference);
    routers.set("vector_io", vectorIo);
    const files = new FilesRouter(new FilesStore(database.db), providers, { logger });
    routers.set("files", files);
    const vectorStores = new VectorStoresRouter({
      store: new VectorStoresStore(database.db),
      models: tables.models,
      routing: tables.vectorStores,
      providers,
      inference,
      vectorIo,
      files,
      logger,
      config: config.vector_stores,
      chunker: options.documentChunker,
      jobs,
    });
    routers.set("vector_stores", vectorStores);
    jobs.start();
    const shields = new ShieldsRouter(tables.shields, providers);
    routers.set("shields", shields);
    const safety = new SafetyRouter(shields, {
      logger: logger.child({ api: "safety" }),
      defaultShieldId: config.safety?.default_shield_id,
    });
    routers.set("safety", safety);
    await registerDefaultToolGroups(
      providers,
      tables.toolGroups,
      new Set(config.registered_resources.tool_groups.map((t) => t.toolgroup_id)),
      logger,
    );
    const toolGroups = new ToolGroupsRouter(tables.toolGroups, providers);
    routers.set("tool_groups", toolGroups);
    const toolRuntime = new ToolRuntimeRouter(toolGroups, safety, logger.child({ api: "tool_runtime" }));
    routers.set("tool_runtime", toolRuntime);
    const prompts = new PromptsRouter(new PromptsStore(database.db));
    routers.set("prompts", prompts);
    const conversations = new ConversationsRouter(new ConversationsStore(database.db));
    routers.set("conversations", conversations);
    const stopSweep = files.enabled ? files.startExpirySweep(FILE_EXPIRY_SWEEP_INTERVAL_MS) : async () => {};
    const running = providers;
    const closeHooks: (() => void | Promise<void>)[] = [];
    let closing: Promise<void> | undefined;
    return {
      config,
      distroName,
      dataDir,
      logger,
      database,
      providers: running,
      tables,
      inference,
      vectorIo,
      files,
      vectorStores,
      jobs,
      shields,
      safety,
      toolGroups,
      toolRuntime,
      prompts,
      conversations,
      responsesStore: new ResponsesStore(database.db),
      responseEvents: new ResponseEventsStore(database.db),
      authenticator: config.server.auth
        ? new ApiKeyAuthenticator(config.server.auth.provider_config.keys)
        : null,
      routers,
      refreshModels: () => refreshModels(running, tables, logger),
      onClose(hook) {
        closeHooks.push(hook);
      },
      close() {
        closing ??= (async () => {
          for (const hook of closeHooks) await hook();
          await stopSweep();
          await jobs.close();
          const results = await Promise.allSettled(running.all.map((p) => p.instance.shutdown?.()));
          for (const result of results) {
            if (result.status === "rejected")
              logger.warn("provider shutdown failed", { error: result.reason });
          }
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await jobs.close();
    await Promise.allSettled((providers?.all ?? []).map((p) => p.instance.shutdown?.()));
    await database.close();
    throw error;
  }
}
