import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

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
    /** `config` | `discovery` | `api`: who may replace or remove the entry. */
    source: text("source").notNull(),
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.type, t.identifier] }),
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
export * from "./vector-schema.ts";
