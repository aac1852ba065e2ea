import { ConflictError, NotFoundError, STORED_STRING_LIMITS } from "@llama-stack-ts/api";
import { assertStoredLength } from "@llama-stack-ts/provider-kit";
import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import { type AccessContext, canSee, ownerFor } from "../auth/access-context.ts";
import type { StackDb } from "../storage/database.ts";
import { type RegistryResourceRow, registryResources } from "../storage/schema.ts";

export type ResourceSource = "config" | "discovery" | "api";

export interface RoutableResource {
  identifier: string;
  provider_id: string;
  provider_resource_id?: string | undefined;
  type: string;
}

export interface StoredResource<T> {
  resource: T;
  owner: string | null;
  source: ResourceSource;
  createdAt: Date;
}

/**
 * One kind of routable resource, persisted in `registry_resources`. Reads apply ownership: a
 * resource another principal owns is reported exactly like one that does not exist. Each principal
 * has its own id space beside the shared one (decision 0009): an id resolves to the caller's own
 * entry first, then to a shared one, and registering an id only conflicts with what the caller sees.
 */
export class ResourceTable<T extends RoutableResource> {
  constructor(
    protected readonly db: StackDb,
    readonly type: T["type"],
    /** For messages: "Model", "Shield", "Vector store", "Tool group". */
    readonly label: string,
    private readonly parse: (body: Record<string, unknown>) => T,
    private readonly notFoundHint: string,
  ) {}

  async list(access: AccessContext): Promise<T[]> {
    return (await this.listStored(access)).map((stored) => stored.resource);
  }

  /** What the caller sees, one entry per id: its own where it shadows a shared one. */
  async listStored(access: AccessContext): Promise<StoredResource<T>[]> {
    const rows = await this.db
      .select()
      .from(registryResources)
      .where(eq(registryResources.type, this.type))
      .orderBy(asc(registryResources.identifier));
    const order = preferred(access);
    const picked = new Map<string, RegistryResourceRow>();
    for (const row of rows) {
      const current = picked.get(row.identifier);
      if (canSee(row.owner, access) && (!current || order(row, current) < 0)) picked.set(row.identifier, row);
    }
    return [...picked.values()].map((row) => this.toStored(row));
  }

  async find(identifier: string, access: AccessContext): Promise<StoredResource<T> | null> {
    const [row] = await this.visibleRows(identifier, access);
    return row ? this.toStored(row) : null;
  }

  async get(identifier: string, access: AccessContext): Promise<T> {
    const found = await this.find(identifier, access);
    if (!found) throw this.notFound(identifier);
    return found.resource;
  }

  /** Called after every write, for subclasses that cache reads. */
  protected invalidate(): void {}

  /**
   * Register through the API: the caller becomes the owner. An id the caller can see (its own or a
   * shared one) is a conflict; another principal's is not, so the answer never reveals it.
   */
  async register(resource: T, access: AccessContext): Promise<T> {
    checkIds(resource);
    this.invalidate();
    const inserted = (await this.visibleRows(resource.identifier, access)).length
      ? []
      : await this.db
          .insert(registryResources)
          .values(this.toRow(resource, ownerFor(access), "api"))
          .onConflictDoNothing()
          .returning({ identifier: registryResources.identifier });
    if (inserted.length === 0) {
      throw new ConflictError(`${this.label} '${resource.identifier}' already exists.`, {
        code: `${this.type}_exists`,
        retryable: false,
      });
    }
    return resource;
  }

  /**
   * Entries from config or discovery are shared (no owner) and replaced on every start, so
   * replicas starting together converge on the same rows. API registrations are never overwritten.
   */
  async sync(source: Exclude<ResourceSource, "api">, resources: T[], scope: { providerId?: string } = {}) {
    for (const resource of resources) checkIds(resource);
    this.invalidate();
    await this.db.transaction(async (tx) => {
      const conditions = [eq(registryResources.type, this.type), eq(registryResources.source, source)];
      if (scope.providerId) conditions.push(eq(registryResources.providerId, scope.providerId));
      const keep = resources.map((r) => r.identifier);
      await tx
        .delete(registryResources)
        .where(and(...conditions, ...(keep.length ? [notInArray(registryResources.identifier, keep)] : [])));
      for (const resource of resources) {
        const row = this.toRow(resource, null, source);
        await tx
          .insert(registryResources)
          .values(row)
          .onConflictDoUpdate({
            target: [registryResources.type, registryResources.identifier, registryResources.ownerKey],
            set: { ...row, updatedAt: new Date() },
            setWhere: inArray(registryResources.source, ["config", "discovery"]),
          });
      }
    });
  }

  /** Remove an API-registered entry; config and discovery entries are managed by their source. */
  async unregister(identifier: string, access: AccessContext): Promise<void> {
    const found = await this.find(identifier, access);
    if (!found) throw this.notFound(identifier);
    if (found.source !== "api") {
      throw new ConflictError(
        `${this.label} '${identifier}' comes from the ${found.source === "config" ? "run config" : "provider's model discovery"} and cannot be deleted through the API; ${found.source === "config" ? "remove it from the run config" : "remove it from the provider"} instead.`,
        { code: `${this.type}_not_deletable`, retryable: false },
      );
    }
    await this.db
      .delete(registryResources)
      .where(
        and(
          eq(registryResources.type, this.type),
          eq(registryResources.identifier, identifier),
          eq(registryResources.ownerKey, found.owner ?? ""),
        ),
      );
    this.invalidate();
  }

  notFound(identifier: string): NotFoundError {
    return new NotFoundError(this.label, identifier, this.notFoundHint);
  }

  /** The entries under this id that the caller can see, the one it resolves to first. */
  private async visibleRows(identifier: string, access: AccessContext): Promise<RegistryResourceRow[]> {
    const rows = await this.db
      .select()
      .from(registryResources)
      .where(and(eq(registryResources.type, this.type), eq(registryResources.identifier, identifier)));
    return rows.filter((row) => canSee(row.owner, access)).sort(preferred(access));
  }

  protected toStored(row: RegistryResourceRow): StoredResource<T> {
    return {
      resource: this.parse(row.body),
      owner: row.owner,
      source: row.source as ResourceSource,
      createdAt: row.createdAt,
    };
  }

  private toRow(resource: T, owner: string | null, source: ResourceSource) {
    return {
      type: this.type,
      identifier: resource.identifier,
      providerId: resource.provider_id,
      providerResourceId: resource.provider_resource_id ?? null,
      owner,
      source,
      body: resource as unknown as Record<string, unknown>,
    };
  }
}

/**
 * Order of resolution among entries sharing an id: the caller's own, then the shared one, then (only
 * without enforced auth, where every entry is visible) other owners' by name, so the pick is stable.
 */
function preferred(access: AccessContext) {
  const own = ownerFor(access);
  const rank = (row: RegistryResourceRow) => (row.owner === own ? 0 : row.owner === null ? 1 : 2);
  return (a: RegistryResourceRow, b: RegistryResourceRow) =>
    rank(a) - rank(b) || (a.owner ?? "").localeCompare(b.owner ?? "");
}

/**
 * The ids end up in btree keys: the identifier here, the provider's id as a vector store's key in
 * `vector_chunks` or as the model name `chat_completions` records. Every way in passes here.
 */
function checkIds(resource: RoutableResource): void {
  assertStoredLength(resource.identifier, STORED_STRING_LIMITS.resourceId, "identifier");
  if (resource.provider_resource_id) {
    assertStoredLength(
      resource.provider_resource_id,
      STORED_STRING_LIMITS.resourceId,
      "provider_resource_id",
    );
  }
}
