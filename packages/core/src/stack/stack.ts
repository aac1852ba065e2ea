import type { Logger, Model, Shield, ToolGroup, VectorStoreResource } from "@llama-stack-ts/api";
import type { ConversationsRouter } from "../apis/conversations/conversations-router.ts";
import type { FilesRouter } from "../apis/files/files-router.ts";
import type { InferenceRouter } from "../apis/inference/inference-router.ts";
import type { PromptsRouter } from "../apis/prompts/prompts-router.ts";
import type { ResponseEventsStore } from "../apis/responses/response-events-store.ts";
import type { ResponsesStore } from "../apis/responses/responses-store.ts";
import type { SafetyRouter } from "../apis/safety/safety-router.ts";
import type { ShieldsRouter } from "../apis/safety/shields-router.ts";
import type { ToolGroupsRouter } from "../apis/tool-runtime/tool-groups-router.ts";
import type { ToolRuntimeRouter } from "../apis/tool-runtime/tool-runtime-router.ts";
import type { VectorIoRouter } from "../apis/vector-io/vector-io-router.ts";
import type { VectorStoresRouter } from "../apis/vector-stores/vector-stores-router.ts";
import type { ApiKeyAuthenticator } from "../auth/api-key-authenticator.ts";
import type { RunConfig } from "../config/run-config-schema.ts";
import type { JobRunner } from "../jobs/job-runner.ts";
import type { ModelsTable } from "../resource-tables/models-table.ts";
import type { ResourceTable } from "../resource-tables/resource-table.ts";
import type { Database } from "../storage/database.ts";
import type { ProviderSet } from "./provider-set.ts";
import type { StackRouters } from "./stack-routers.ts";

export interface StackTables {
  models: ModelsTable;
  shields: ResourceTable<Shield>;
  vectorStores: ResourceTable<VectorStoreResource>;
  toolGroups: ResourceTable<ToolGroup>;
}

/** A running Llama Stack: config, storage, providers and routing tables; no HTTP. */
export interface Stack {
  config: RunConfig;
  distroName: string;
  /** Where this distribution keeps files; null when everything is in memory. */
  dataDir: string | null;
  logger: Logger;
  database: Database;
  providers: ProviderSet;
  tables: StackTables;
  /** Model resolution, provider dispatch and stored completions for every inference caller. */
  inference: InferenceRouter;
  /** Chunk insert and query on vector stores (`/v1/vector-io/*`), embedding text on the way. */
  vectorIo: VectorIoRouter;
  /** OpenAI vector stores (`/v1/vector_stores`): stores, attached files and their ingestion, search. */
  vectorStores: VectorStoresRouter;
  /** Background jobs (file ingestion today), shared with every replica on the database. */
  jobs: JobRunner;
  /** File metadata, expiry and the files provider behind `/v1/files`. */
  files: FilesRouter;
  /** Registered shields (`/v1/shields`) and the safety provider behind each. */
  shields: ShieldsRouter;
  /** Run-shield and moderations for every caller, with each shield's `on_error` applied. */
  safety: SafetyRouter;
  /** Registered tool groups (`/v1/toolgroups`) and the tool-runtime provider behind each. */
  toolGroups: ToolGroupsRouter;
  /** Tool listing and invocation for every caller, tool results guarded by shields. */
  toolRuntime: ToolRuntimeRouter;
  /** Versioned prompt templates (`/v1/prompts`), owner-scoped. */
  prompts: PromptsRouter;
  /** OpenAI conversations and their items (`/v1/conversations`), owner-scoped. */
  conversations: ConversationsRouter;
  /** Stored responses; the Responses loop (packages/agents) reads and writes them. */
  responsesStore: ResponsesStore;
  /** Background responses' stream events, so any replica can follow or resume one. */
  responseEvents: ResponseEventsStore;
  /** Set when `server.auth` is configured. */
  authenticator: ApiKeyAuthenticator | null;
  /** Each API's router by name, for providers (`context.api("inference")`); layers above add theirs. */
  routers: StackRouters;
  /** Ask providers for their models again (the CLI and tests call it; upstream polls). */
  refreshModels(): Promise<void>;
  /** Runs `hook` first when the Stack closes (layers above core stop their timers there). */
  onClose(hook: () => void | Promise<void>): void;
  /** Shut providers down, then close storage. Idempotent. */
  close(): Promise<void>;
}

export type { Model };
