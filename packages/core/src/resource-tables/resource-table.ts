import { ConflictError, NotFoundError } from "@llama-stack-ts/api";
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
 * resource another principal owns is reported exactly like one that does not exist.
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

  async listStored(access: AccessContext): Promise<StoredResource<T>[]> {
    const rows = await this.db
      .select()
      .from(registryResources)
      .where(eq(registryResources.type, this.type))
      .orderBy(asc(registryResources.identifier));
    return rows.filter((row) => canSee(row.owner, access)).map((row) => this.toStored(row));
  }

  async find(identifier: string, access: AccessContext): Promise<StoredResource<T> | null> {
    const [row] = await this.db
      .select()
      .from(registryResources)
      .where(and(eq(registryResources.type, this.type), eq(registryResources.identifier, identifier)));
    return row && canSee(row.owner, access) ? this.toStored(row) : null;
  }

  async get(identifier: string, access: AccessContext): Promise<T> {
    const found = await this.find(identifier, access);
    if (!found) throw this.notFound(identifier);
    return found.resource;
  }

  /** Called after every write, for subclasses that cache reads. */
  protected invalidate(): void {}

  /** Register through the API: the caller becomes the owner; an existing id is a conflict. */
  async register(resource: T, access: AccessContext): Promise<T> {
    this.invalidate();
    const inserted = await this.db
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
            target: [registryResources.type, registryResources.identifier],
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
      .where(and(eq(registryResources.type, this.type), eq(registryResources.identifier, identifier)));
    this.invalidate();
  }

  notFound(identifier: string): NotFoundError {
    return new NotFoundError(this.label, identifier, this.notFoundHint);
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
