import { and, asc, eq } from "drizzle-orm";
import { type AccessContext, canSee, ownerFor } from "../../auth/access-context.ts";
import type { StackDb } from "../../storage/database.ts";
import { type RegistryResourceRow, registryResources } from "../../storage/schema.ts";
import { storableJson } from "../../storage/storable-json.ts";

/** The kinds of agent records: agents, their sessions, and the sessions' turns. */
export type AgentRecordKind = "agent" | "agent_session" | "agent_turn";

/**
 * Legacy agents' records as JSON rows of `registry_resources` (no table of their own): the kind
 * is the row's `type`, the parent (an agent for a session, a session for a turn) its
 * `provider_id`, so a parent's children are one indexed read. Owner-scoped like every resource:
 * another principal's record reads as missing.
 */
export class AgentRecordsStore {
  constructor(private readonly db: StackDb) {}

  /** Inserts or replaces a record (a turn is rewritten when it resumes). */
  async put(
    kind: AgentRecordKind,
    id: string,
    parentId: string,
    body: Record<string, unknown>,
    access: AccessContext,
  ): Promise<void> {
    const row = {
      type: kind,
      identifier: id,
      providerId: parentId,
      owner: ownerFor(access),
      source: "api",
      body: storableJson(body) as Record<string, unknown>,
    };
    await this.db
      .insert(registryResources)
      .values(row)
      .onConflictDoUpdate({
        target: [registryResources.type, registryResources.identifier, registryResources.ownerKey],
        set: { body: row.body, updatedAt: new Date() },
      });
  }

  async get(
    kind: AgentRecordKind,
    id: string,
    access: AccessContext,
  ): Promise<Record<string, unknown> | undefined> {
    const rows = await this.db
      .select()
      .from(registryResources)
      .where(and(eq(registryResources.type, kind), eq(registryResources.identifier, id)));
    return rows.find((row) => canSee(row.owner, access))?.body;
  }

  /** A parent's records the caller can see, oldest first. */
  async list(
    kind: AgentRecordKind,
    parentId: string,
    access: AccessContext,
  ): Promise<Record<string, unknown>[]> {
    const rows = await this.db
      .select()
      .from(registryResources)
      .where(and(eq(registryResources.type, kind), eq(registryResources.providerId, parentId)))
      .orderBy(asc(registryResources.createdAt), asc(registryResources.identifier));
    return rows.filter((row) => canSee(row.owner, access)).map((row) => row.body);
  }

  /** False when the caller sees no such record. */
  async delete(kind: AgentRecordKind, id: string, access: AccessContext): Promise<boolean> {
    const rows = await this.db
      .select()
      .from(registryResources)
      .where(and(eq(registryResources.type, kind), eq(registryResources.identifier, id)));
    const visible = rows.filter((row: RegistryResourceRow) => canSee(row.owner, access));
    for (const row of visible) {
      await this.db
        .delete(registryResources)
        .where(
          and(
            eq(registryResources.type, kind),
            eq(registryResources.identifier, id),
            eq(registryResources.ownerKey, row.owner ?? ""),
          ),
        );
    }
    return visible.length > 0;
  }
}
