import {
  type ApiCall,
  type CallOptions,
  type CursorPage,
  type FileContent,
  type FileContentInput,
  type FilesApi,
  type FilesProvider,
  type FileUploadFields,
  type ListFilesQuery,
  type Logger,
  NotFoundError,
  newId,
  type OpenAIFile,
  type OpenAIFileDeleteResponse,
  ServiceUnavailableError,
} from "@llama-stack-ts/api";
import type { AccessContext } from "../../auth/access-context.ts";
import { ownerFor } from "../../auth/access-context.ts";
import type { ProviderSet } from "../../stack/provider-set.ts";
import type { FileRow } from "../../storage/schema.ts";
import { fileContentType } from "./file-content-type.ts";
import { type FilesStore, isExpired, toOpenAIFile } from "./files-store.ts";

/** Bytes stored under a new id but not yet a file: `commit` publishes it, `discard` removes it. */
export interface PendingFile {
  id: string;
  providerId: string;
  filename: string;
  contentType: string;
  bytes: number;
}

export interface FilesRouterOptions {
  logger: Logger;
  /** The clock expiry is judged by; tests inject one. */
  now?: () => Date;
}

const SWEEP_BATCH = 100;

/**
 * `/v1/files` for every caller: metadata in the Stack's database (owner-scoped, expiring), bytes
 * in the first configured `files` provider. An expired file is a 404 and is deleted when seen;
 * `sweepExpired` removes the rest.
 */
export class FilesRouter implements FilesApi {
  private readonly now: () => Date;
  private readonly logger: Logger;

  constructor(
    private readonly store: FilesStore,
    private readonly providers: ProviderSet,
    options: FilesRouterOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.logger = options.logger;
  }

  /** Whether a files provider is configured. */
  get enabled(): boolean {
    return this.providers.byApi("files").length > 0;
  }

  /** The largest file the files provider takes. */
  get maxFileSizeBytes(): number {
    return this.defaultProvider().instance.maxFileSizeBytes;
  }

  /** Upload in one call (bytes, then metadata), for callers that know the purpose up front. */
  async create(input: FileContentInput, fields: FileUploadFields, call: ApiCall): Promise<OpenAIFile> {
    const pending = await this.upload(input, call);
    try {
      return await this.commit(pending, fields, call);
    } catch (error) {
      await this.discard(pending);
      throw error;
    }
  }

  /** Store the bytes under a new id; nothing is listed until `commit`. */
  async upload(input: FileContentInput, call: ApiCall): Promise<PendingFile> {
    const { providerId, instance } = this.defaultProvider();
    const id = newId("file");
    const { bytes } = await instance.put(id, input.content, this.options(call));
    return {
      id,
      providerId,
      filename: input.filename,
      contentType: fileContentType(input.filename, input.contentType),
      bytes,
    };
  }

  async commit(pending: PendingFile, fields: FileUploadFields, call: ApiCall): Promise<OpenAIFile> {
    const createdAt = this.now();
    const row: FileRow = {
      ...pending,
      owner: ownerFor(call.access),
      purpose: fields.purpose,
      createdAt,
      expiresAt: fields.expires_after
        ? new Date(createdAt.getTime() + fields.expires_after.seconds * 1000)
        : null,
    };
    await this.store.insert(row);
    return toOpenAIFile(row);
  }

  /** Remove bytes that were never committed. Never throws: it runs while another error is reported. */
  async discard(pending: PendingFile): Promise<void> {
    try {
      await this.providers.instance<FilesProvider>("files", pending.providerId)?.delete(pending.id, {});
    } catch (error) {
      this.logger.warn("could not remove an uncommitted upload", { file_id: pending.id, error });
    }
  }

  async list(query: ListFilesQuery, call: ApiCall): Promise<CursorPage<OpenAIFile>> {
    this.defaultProvider();
    const page = await this.store.list(query, call.access, this.now());
    return { ...page, data: page.data.map(toOpenAIFile) };
  }

  async retrieve(fileId: string, call: ApiCall): Promise<OpenAIFile> {
    return toOpenAIFile(await this.live(fileId, call.access));
  }

  /** The bytes with what a response needs to describe them. */
  async content(fileId: string, call: ApiCall): Promise<FileContent> {
    const row = await this.live(fileId, call.access);
    const body = await this.providerOf(row).get(row.id, this.options(call));
    return { file: toOpenAIFile(row), contentType: row.contentType, body };
  }

  /** Bytes first, then the row: if the bytes cannot be removed, the file stays and the call can be retried. */
  async delete(fileId: string, call: ApiCall): Promise<OpenAIFileDeleteResponse> {
    const row = await this.live(fileId, call.access);
    await this.providerOf(row).delete(row.id, this.options(call));
    await this.store.delete(row.id);
    return { id: row.id, object: "file", deleted: true };
  }

  /** Delete every expired file (bytes and row); returns how many went. Safe to run on several replicas. */
  async sweepExpired(now: Date = this.now()): Promise<number> {
    let removed = 0;
    for (;;) {
      const batch = await this.store.listExpired(now, SWEEP_BATCH);
      let batchRemoved = 0;
      for (const row of batch) if (await this.removeExpired(row)) batchRemoved += 1;
      removed += batchRemoved;
      // A row whose bytes could not be deleted stays; stop rather than fetch it again.
      if (batch.length < SWEEP_BATCH || batchRemoved < batch.length) return removed;
    }
  }

  /**
   * Sweep now and then every `intervalMs` on an unref'd timer (it never keeps the process alive).
   * The returned function stops the timer and waits for a sweep in progress.
   */
  startExpirySweep(intervalMs: number): () => Promise<void> {
    let running: Promise<void> | undefined;
    const sweep = () => {
      running ??= this.sweepExpired()
        .then((count) => {
          if (count > 0) this.logger.info("deleted expired files", { count });
        })
        .catch((error: unknown) => this.logger.warn("expired-file sweep failed", { error }))
        .finally(() => {
          running = undefined;
        });
    };
    sweep();
    const timer = setInterval(sweep, intervalMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await running;
    };
  }

  /** The caller's file if it exists and has not expired; an expired one is deleted on the way. */
  private async live(fileId: string, access: AccessContext): Promise<FileRow> {
    this.defaultProvider();
    const row = await this.store.find(fileId, access);
    if (row && !isExpired(row, this.now())) return row;
    if (row) await this.removeExpired(row);
    throw new NotFoundError("File", fileId, "List files with GET /v1/files.");
  }

  private async removeExpired(row: FileRow): Promise<boolean> {
    const provider = this.providers.instance<FilesProvider>("files", row.providerId);
    try {
      if (provider) await provider.delete(row.id, {});
      else
        this.logger.warn("expired file's provider is not configured; dropping its metadata only", {
          file_id: row.id,
          provider_id: row.providerId,
        });
      await this.store.delete(row.id);
      return true;
    } catch (error) {
      this.logger.warn("could not delete an expired file", { file_id: row.id, error });
      return false;
    }
  }

  private defaultProvider(): { providerId: string; instance: FilesProvider } {
    const [first] = this.providers.byApi("files");
    if (!first) {
      throw new ServiceUnavailableError(
        "Service 'files' is not enabled. Please check your configuration and enable the service before trying again.",
      );
    }
    return { providerId: first.providerId, instance: first.instance as FilesProvider };
  }

  private providerOf(row: FileRow): FilesProvider {
    const provider = this.providers.instance<FilesProvider>("files", row.providerId);
    if (!provider) {
      throw new ServiceUnavailableError(
        `File '${row.id}' is stored by files provider '${row.providerId}', which is not configured.`,
      );
    }
    return provider;
  }

  private options(call: ApiCall): CallOptions {
    return { ...(call.signal ? { signal: call.signal } : {}), principal: call.access.principal };
  }
}
