import type { CursorPage, VectorStoreFileCounts, VectorStoreFileStatus } from "@llama-stack-ts/api";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { AccessContext } from "../../auth/access-context.ts";
import { visibleTo } from "../../auth/visible-to.ts";
import type { StackDb } from "../../storage/database.ts";
import { type CursorPageOptions, readCursorPage } from "../../storage/read-cursor-page.ts";
import {
  type VectorStoreFileBatchRow,
  type VectorStoreFileRow,
  type VectorStoreRow,
  vectorStoreFileBatches,
  vectorStoreFiles,
  vectorStores,
} from "../../storage/schema.ts";

/** Vector stores and their attached files, per owner, cursor-paged by creation time. */
export class VectorStoresStore {
  constructor(private readonly db: StackDb) {}

  async insert(row: VectorStoreRow): Promise<void> {
    await this.db.insert(vectorStores).values(row);
  }

  async find(id: string, access: AccessContext): Promise<VectorStoreRow | undefined> {
    const [row] = await this.db
      .select()
      .from(vectorStores)
      .where(and(eq(vectorStores.id, id), visibleTo(vectorStores.owner, access)));
    return row;
  }

  async list(options: CursorPageOptions, access: AccessContext): Promise<CursorPage<VectorStoreRow>> {
    return readCursorPage(
      this.db,
      {
        table: vectorStores,
        createdAt: vectorStores.createdAt,
        key: vectorStores.id,
        scope: [visibleTo(vectorStores.owner, access)],
        resource: "Vector store",
        keyOf: (row) => row.id,
      },
      options,
    );
  }

  async update(id: string, set: Partial<VectorStoreRow>): Promise<void> {
    await this.db.update(vectorStores).set(set).where(eq(vectorStores.id, id));
  }

  /** Removes the store and (by cascade) its file rows. */
  async delete(id: string): Promise<void> {
    await this.db.delete(vectorStores).where(eq(vectorStores.id, id));
  }

  /** Attach, or re-attach: the row starts over as `in_progress`. */
  async upsertFile(row: VectorStoreFileRow): Promise<void> {
    await this.db
      .insert(vectorStoreFiles)
      .values(row)
      .onConflictDoUpdate({
        target: [vectorStoreFiles.vectorStoreId, vectorStoreFiles.fileId],
        set: {
          status: row.status,
          attributes: row.attributes,
          chunkingStrategy: row.chunkingStrategy,
          lastError: null,
          usageBytes: 0,
          attempts: 0,
        },
      });
  }

  /** A store by id whoever owns it, for work the server does on its own (resuming ingestion). */
  async findAnyOwner(id: string): Promise<VectorStoreRow | undefined> {
    const [row] = await this.db.select().from(vectorStores).where(eq(vectorStores.id, id));
    return row;
  }

  /**
   * Ingestion of a file begins: count the attempt (its job holds the lease). Undefined when the
   * file is no longer waiting (detached or cancelled meanwhile).
   */
  async beginIngestion(storeId: string, fileId: string): Promise<VectorStoreFileRow | undefined> {
    const [row] = await this.db
      .update(vectorStoreFiles)
      .set({ attempts: sql`${vectorStoreFiles.attempts} + 1` })
      .where(
        and(
          eq(vectorStoreFiles.vectorStoreId, storeId),
          eq(vectorStoreFiles.fileId, fileId),
          eq(vectorStoreFiles.status, "in_progress"),
        ),
      )
      .returning();
    return row;
  }

  async findFile(storeId: string, fileId: string): Promise<VectorStoreFileRow | undefined> {
    const [row] = await this.db
      .select()
      .from(vectorStoreFiles)
      .where(and(eq(vectorStoreFiles.vectorStoreId, storeId), eq(vectorStoreFiles.fileId, fileId)));
    return row;
  }

  async listFiles(
    storeId: string,
    options: CursorPageOptions & {
      status?: VectorStoreFileStatus | undefined;
      fileIds?: string[] | undefined;
    },
  ): Promise<CursorPage<VectorStoreFileRow>> {
    return readCursorPage(
      this.db,
      {
        table: vectorStoreFiles,
        createdAt: vectorStoreFiles.createdAt,
        key: vectorStoreFiles.fileId,
        scope: [eq(vectorStoreFiles.vectorStoreId, storeId)],
        filters: [
          options.status ? eq(vectorStoreFiles.status, options.status) : undefined,
          options.fileIds ? inArray(vectorStoreFiles.fileId, options.fileIds) : undefined,
        ],
        resource: "File",
        keyOf: (row) => row.fileId,
      },
      options,
    );
  }

  /** False when the row is gone or no longer `in_progress` (detached or cancelled meanwhile). */
  async finishFile(
    storeId: string,
    fileId: string,
    result: Pick<VectorStoreFileRow, "status" | "lastError" | "usageBytes">,
  ): Promise<boolean> {
    const updated = await this.db
      .update(vectorStoreFiles)
      .set(result)
      .where(
        and(
          eq(vectorStoreFiles.vectorStoreId, storeId),
          eq(vectorStoreFiles.fileId, fileId),
          eq(vectorStoreFiles.status, "in_progress"),
        ),
      )
      .returning({ fileId: vectorStoreFiles.fileId });
    return updated.length > 0;
  }

  /** Marks the given files `cancelled` where they are still `in_progress`. */
  async cancelFiles(storeId: string, fileIds: string[]): Promise<void> {
    await this.db
      .update(vectorStoreFiles)
      .set({ status: "cancelled" })
      .where(
        and(
          eq(vectorStoreFiles.vectorStoreId, storeId),
          inArray(vectorStoreFiles.fileId, fileIds),
          eq(vectorStoreFiles.status, "in_progress"),
        ),
      );
  }

  async insertBatch(row: VectorStoreFileBatchRow): Promise<void> {
    await this.db.insert(vectorStoreFileBatches).values(row);
  }

  async findBatch(storeId: string, batchId: string): Promise<VectorStoreFileBatchRow | undefined> {
    const [row] = await this.db
      .select()
      .from(vectorStoreFileBatches)
      .where(and(eq(vectorStoreFileBatches.id, batchId), eq(vectorStoreFileBatches.vectorStoreId, storeId)));
    return row;
  }

  async setBatchStatus(batchId: string, status: string): Promise<void> {
    await this.db
      .update(vectorStoreFileBatches)
      .set({ status })
      .where(eq(vectorStoreFileBatches.id, batchId));
  }

  async deleteFile(storeId: string, fileId: string): Promise<void> {
    await this.db
      .delete(vectorStoreFiles)
      .where(and(eq(vectorStoreFiles.vectorStoreId, storeId), eq(vectorStoreFiles.fileId, fileId)));
  }

  /** New attributes for an attached file; its status and ingestion are left as they are. */
  async setFileAttributes(
    storeId: string,
    fileId: string,
    attributes: Record<string, unknown>,
  ): Promise<void> {
    await this.db
      .update(vectorStoreFiles)
      .set({ attributes })
      .where(and(eq(vectorStoreFiles.vectorStoreId, storeId), eq(vectorStoreFiles.fileId, fileId)));
  }

  /** File counts by status and the bytes of stored chunk text. */
  async usage(
    storeId: string,
    fileIds?: string[],
  ): Promise<{ fileCounts: VectorStoreFileCounts; usageBytes: number }> {
    const rows = await this.db
      .select({
        status: vectorStoreFiles.status,
        count: sql<number>`count(*)::int`,
        bytes: sql<number>`coalesce(sum(${vectorStoreFiles.usageBytes}), 0)::bigint`,
      })
      .from(vectorStoreFiles)
      .where(
        and(
          eq(vectorStoreFiles.vectorStoreId, storeId),
          fileIds ? inArray(vectorStoreFiles.fileId, fileIds) : undefined,
        ),
      )
      .groupBy(vectorStoreFiles.status);
    const fileCounts: VectorStoreFileCounts = {
      cancelled: 0,
      completed: 0,
      failed: 0,
      in_progress: 0,
      total: 0,
    };
    let usageBytes = 0;
    for (const row of rows) {
      const count = Number(row.count);
      if (row.status in fileCounts) fileCounts[row.status as VectorStoreFileStatus] += count;
      fileCounts.total += count;
      usageBytes += Number(row.bytes);
    }
    return { fileCounts, usageBytes };
  }
}
