import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * Every routable resource (models, shields, vector stores, tool groups) in one table: the routing
 * tables differ only in `type` and in the shape of `body`, which the api package validates.
 */
export const registryResources = pgTable(
  "registry_resources",
  {
    type: text("type").notNull(),
    identifier: text("identifier").notNull(),
    providerId: text("provider_id").notNull(),
    providerResourceId: text("provider_resource_id"),
    /** The principal that registered it; null = visible to every principal (config, discovery). */
    owner: text("owner"),
    /**
     * `owner` with '' for shared entries, so the key can include it: each principal has its own id
     * space (decision 0009), and a primary key cannot hold a null.
     */
    ownerKey: text("owner_key").notNull().generatedAlwaysAs(sql`coalesce(owner, '')`),
    /** `config` | `discovery` | `api`: who may replace or remove the entry. */
    source: text("source").notNull(),
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.type, t.identifier, t.ownerKey] }),
    index("registry_resources_provider_idx").on(t.type, t.providerId),
  ],
);
export type RegistryResourceRow = typeof registryResources.$inferSelect;

/** Chat completions as returned, with the messages that produced them (`GET /v1/chat/completions`). */
export const chatCompletions = pgTable(
  "chat_completions",
  {
    id: text("id").primaryKey(),
    owner: text("owner"),
    model: text("model").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 6 }).notNull(),
    completion: jsonb("completion").$type<Record<string, unknown>>().notNull(),
    inputMessages: jsonb("input_messages").$type<Record<string, unknown>[]>().notNull(),
  },
  (t) => [
    index("chat_completions_created_idx").on(t.createdAt, t.id),
    index("chat_completions_model_idx").on(t.model),
  ],
);
export type ChatCompletionRow = typeof chatCompletions.$inferSelect;

/** Metadata of uploaded files (`/v1/files`); the bytes live with the files provider named here. */
export const files = pgTable(
  "files",
  {
    id: text("id").primaryKey(),
    owner: text("owner"),
    /** The files provider holding the bytes. */
    providerId: text("provider_id").notNull(),
    filename: text("filename").notNull(),
    purpose: text("purpose").notNull(),
    bytes: bigint("bytes", { mode: "number" }).notNull(),
    contentType: text("content_type").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    /** Null: never expires. */
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [
    index("files_created_idx").on(t.createdAt, t.id),
    index("files_purpose_idx").on(t.purpose),
    index("files_expires_idx").on(t.expiresAt),
  ],
);
export type FileRow = typeof files.$inferSelect;

/** OpenAI vector stores (`/v1/vector_stores`); chunks live with the vector_io provider named here. */
export const vectorStores = pgTable(
  "vector_stores",
  {
    id: text("id").primaryKey(),
    owner: text("owner"),
    name: text("name"),
    providerId: text("provider_id").notNull(),
    embeddingModel: text("embedding_model").notNull(),
    embeddingDimension: integer("embedding_dimension").notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull(),
    chunkingStrategy: jsonb("chunking_strategy").$type<Record<string, unknown>>(),
    expiresAfter: jsonb("expires_after").$type<{ anchor: "last_active_at"; days: number }>(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }),
    lastActiveAt: timestamp("last_active_at", { withTimezone: true, mode: "date", precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [index("vector_stores_created_idx").on(t.createdAt, t.id)],
);
export type VectorStoreRow = typeof vectorStores.$inferSelect;

/** Files attached to a vector store and the state of their ingestion. */
export const vectorStoreFiles = pgTable(
  "vector_store_files",
  {
    vectorStoreId: text("vector_store_id")
      .notNull()
      .references(() => vectorStores.id, { onDelete: "cascade" }),
    fileId: text("file_id").notNull(),
    status: text("status").notNull(),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull(),
    chunkingStrategy: jsonb("chunking_strategy").$type<Record<string, unknown>>().notNull(),
    lastError: jsonb("last_error").$type<{ code: "server_error"; message: string }>(),
    usageBytes: bigint("usage_bytes", { mode: "number" }).notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    /**
     * Ingestion starts, counting those a crash or restart cut short; a re-attach starts over. The
     * ingestion itself is a `jobs` row (kind `vector_store_file_ingestion`), which holds the lease.
     */
    attempts: integer("attempts").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.vectorStoreId, t.fileId] }),
    index("vector_store_files_created_idx").on(t.vectorStoreId, t.createdAt, t.fileId),
  ],
);
export type VectorStoreFileRow = typeof vectorStoreFiles.$inferSelect;

/** File batches: a set of files attached together; counts come from `vector_store_files`. */
export const vectorStoreFileBatches = pgTable(
  "vector_store_file_batches",
  {
    id: text("id").primaryKey(),
    vectorStoreId: text("vector_store_id")
      .notNull()
      .references(() => vectorStores.id, { onDelete: "cascade" }),
    fileIds: jsonb("file_ids").$type<string[]>().notNull(),
    /** `in_progress` until cancelled; the reported status also looks at the files. */
    status: text("status").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [index("vector_store_file_batches_store_idx").on(t.vectorStoreId)],
);
export type VectorStoreFileBatchRow = typeof vectorStoreFileBatches.$inferSelect;

/**
 * Background work (file ingestion today; background responses, batches, evaluation runs next), one
 * row per job, shared by every replica on the database: see `jobs/job-runner.ts`.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    /** Which registered handler runs it. */
    kind: text("kind").notNull(),
    /** `queued` → `running` → `succeeded` | `failed` | `cancelled`; a dead runner's job is `running` with an expired lease. */
    status: text("status").notNull(),
    /** The principal it runs for; null = the server's own work. */
    owner: text("owner"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** What the handler last reported, e.g. `{done: 64, total: 120}`. */
    progress: jsonb("progress").$type<Record<string, unknown>>(),
    result: jsonb("result"),
    /** Why it failed, readable: the handler's error, or how often it was cut short. */
    lastError: text("last_error"),
    /** Starts so far, including those a crash cut short. */
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    /** The runner holding it while `running`; it renews `lease_expires_at` until the job ends. */
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true, mode: "date", precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 })
      .notNull()
      .default(sql`now()`),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date", precision: 3 }),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [
    index("jobs_claim_idx").on(t.kind, t.status, t.createdAt),
    index("jobs_finished_idx").on(t.finishedAt),
  ],
);
export type JobRow = typeof jobs.$inferSelect;

/**
 * Stored prompt templates (`/v1/prompts`), one row per prompt: which version is served by default
 * and which is the latest, so an update can check and bump `latest_version` in one statement.
 */
export const prompts = pgTable(
  "prompts",
  {
    id: text("id").primaryKey(),
    owner: text("owner"),
    defaultVersion: integer("default_version").notNull(),
    latestVersion: integer("latest_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [index("prompts_owner_idx").on(t.owner)],
);
export type PromptRow = typeof prompts.$inferSelect;

/** Every version of every prompt; never changed once written, removed with the prompt. */
export const promptVersions = pgTable(
  "prompt_versions",
  {
    promptId: text("prompt_id")
      .notNull()
      .references(() => prompts.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    prompt: text("prompt"),
    variables: jsonb("variables").$type<string[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.promptId, t.version] })],
);
export type PromptVersionRow = typeof promptVersions.$inferSelect;

/** OpenAI conversations (`/v1/conversations`); their items are rows of `conversation_items`. */
export const conversations = pgTable(
  "conversations",
  {
    id: text("id").primaryKey(),
    owner: text("owner"),
    metadata: jsonb("metadata").$type<Record<string, string>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [index("conversations_owner_idx").on(t.owner)],
);
export type ConversationRow = typeof conversations.$inferSelect;

/**
 * A conversation's items in the order they were added (`seq`, one sequence for every
 * conversation); an item re-added under its id is replaced in place and keeps its position.
 */
export const conversationItems = pgTable(
  "conversation_items",
  {
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    type: text("type").notNull(),
    item: jsonb("item").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.id] }),
    index("conversation_items_order_idx").on(t.conversationId, t.seq),
  ],
);
export type ConversationItemRow = typeof conversationItems.$inferSelect;

/**
 * Stored responses (`/v1/responses`): the Response object as answered, the input items it was
 * given (previous turns included, so `previous_response_id` needs one read) and its owner.
 */
export const responses = pgTable(
  "responses",
  {
    id: text("id").primaryKey(),
    owner: text("owner"),
    model: text("model").notNull(),
    response: jsonb("response").$type<Record<string, unknown>>().notNull(),
    inputItems: jsonb("input_items").$type<Record<string, unknown>[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    /** The response's status, mirrored so unfinished ones are found without reading the JSON. */
    status: text("status").notNull().default("completed"),
    /** Run by the job runner (`background: true`), which owns its recovery. */
    background: boolean("background").notNull().default(false),
    /** Renewed while a server runs it; a stale one means that server died mid-response. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [
    index("responses_owner_idx").on(t.owner, t.createdAt),
    index("responses_unfinished_idx").on(t.heartbeatAt).where(sql`${t.status} in ('queued', 'in_progress')`),
  ],
);
export type ResponseRow = typeof responses.$inferSelect;

/**
 * The stream events of background responses, numbered as every reader sees them, so a stream
 * can be followed or resumed (`GET /v1/responses/{id}?stream=true&starting_after=N`) from any
 * replica. `run` tells the runs of one response apart: a run restarted after a crash replaces
 * the events of the one before. Kept a day after they were written.
 */
export const responseEvents = pgTable(
  "response_events",
  {
    responseId: text("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    run: text("run").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.seq] }),
    index("response_events_created_idx").on(t.createdAt),
  ],
);

export * from "./vector-schema.ts";
