import type { CursorPage, FilePurpose, OpenAIFile } from "@llama-stack-ts/api";
import { and, asc, eq, gt, isNotNull, isNull, lte, or, type SQL } from "drizzle-orm";
import type { AccessContext } from "../../auth/access-context.ts";
import { visibleTo } from "../../auth/visible-to.ts";
import type { StackDb } from "../../storage/database.ts";
import { readCursorPage } from "../../storage/read-cursor-page.ts";
import { type FileRow, files } from "../../storage/schema.ts";

export interface ListFilesOptions {
  after?: string | undefined;
  limit: number;
  order: "asc" | "desc";
  purpose?: FilePurpose | undefined;
}

/**
 * File metadata per owner, cursor-paged by creation time. Rows past `expires_at` are returned by
 * `find` (so the caller can delete them) but never listed.
 */
export class FilesStore {
  constructor(private readonly db: StackDb) {}

  async insert(row: FileRow): Promise<void> {
    await this.db.insert(files).values(row);
  }

  /** The row if this caller may see it, expired or not. */
  async find(id: string, access: AccessContext): Promise<FileRow | undefined> {
    const [row] = await this.db
      .select()
      .from(files)
      .where(and(eq(files.id, id), visibleTo(files.owner, access)));
    return row;
  }

  async list(options: ListFilesOptions, access: AccessContext, now: Date): Promise<CursorPage<FileRow>> {
    return readCursorPage(
      this.db,
      {
        table: files,
        createdAt: files.createdAt,
        key: files.id,
        // A cursor may name an expired file or one of another purpose; only the list skips them.
        scope: [visibleTo(files.owner, access)],
        filters: [notExpired(now), options.purpose ? eq(files.purpose, options.purpose) : undefined],
        resource: "File",
        keyOf: (row) => row.id,
      },
      options,
    );
  }

  /** Rows whose `expires_at` has passed, oldest first, whoever owns them. */
  async listExpired(now: Date, limit: number): Promise<FileRow[]> {
    return this.db
      .select()
      .from(files)
      .where(and(isNotNull(files.expiresAt), lte(files.expiresAt, now)))
      .orderBy(asc(files.expiresAt), asc(files.id))
      .limit(limit);
  }

  /** True when this call removed the row (false if another request or replica got there first). */
  async delete(id: string): Promise<boolean> {
    const removed = await this.db.delete(files).where(eq(files.id, id)).returning({ id: files.id });
    return removed.length > 0;
  }
}

/** The OpenAI file object for a row. */
export function toOpenAIFile(row: FileRow): OpenAIFile {
  return {
    id: row.id,
    object: "file",
    bytes: row.bytes,
    created_at: Math.floor(row.createdAt.getTime() / 1000),
    ...(row.expiresAt ? { expires_at: Math.floor(row.expiresAt.getTime() / 1000) } : {}),
    filename: row.filename,
    purpose: row.purpose as FilePurpose,
  };
}

export function isExpired(row: FileRow, now: Date): boolean {
  return row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime();
}

function notExpired(now: Date): SQL | undefined {
  return or(isNull(files.expiresAt), gt(files.expiresAt, now));
}
