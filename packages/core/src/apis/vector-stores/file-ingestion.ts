import {
  type DocumentChunker,
  type InferenceApi,
  InvalidRequestError,
  type Logger,
  ServiceUnavailableError,
  StackError,
  type VectorChunk,
} from "@llama-stack-ts/api";
import type { AccessContext } from "../../auth/access-context.ts";
import { ConcurrencyLimit } from "../../jobs/concurrency-limit.ts";
import type { ProviderSet } from "../../stack/provider-set.ts";
import type { VectorStoreFileRow, VectorStoreRow } from "../../storage/schema.ts";
import type { FilesRouter } from "../files/files-router.ts";
import { vectorIoProviderOf } from "../vector-io/vector-io-provider-of.ts";
import type { VectorStoresStore } from "./vector-stores-store.ts";

export interface FileIngestionOptions {
  store: VectorStoresStore;
  providers: ProviderSet;
  inference: InferenceApi;
  files: FilesRouter;
  logger: Logger;
  /** Parses and chunks attached files; without it every attached file fails. */
  chunker?: DocumentChunker | undefined;
}

/** Chunks per embeddings call while ingesting a file. */
const EMBED_BATCH = 32;
/** Files ingested at once (upstream processes 3 concurrently); the rest wait their turn. */
const INGEST_CONCURRENCY = 3;
/** A replica holds an in_progress file this long without renewing before others take it over. */
const LEASE_MS = 120_000;
const LEASE_RENEW_MS = 30_000;
const RECOVERY_SWEEP_MS = 60_000;
/** A file that keeps taking the server down with it (say, a pathological PDF) is failed, not retried forever. */
const MAX_INGEST_ATTEMPTS = 3;

export const leaseUntil = () => new Date(Date.now() + LEASE_MS);

/**
 * Background ingestion of files attached to vector stores (parse, chunk, embed, insert), a few
 * at a time, and its crash safety: leases on the rows of files being worked on, and taking over
 * files a dead replica left `in_progress`.
 */
export class FileIngestion {
  private readonly running = new Set<Promise<void>>();
  private readonly slots = new ConcurrencyLimit(INGEST_CONCURRENCY);
  /** Files this replica has queued or is ingesting; their leases are renewed while they are. */
  private readonly held = new Map<string, { file: { storeId: string; fileId: string }; tasks: number }>();
  private readonly skipped: { storeId: string; fileId: string }[] = [];
  private closing = false;
  private stopBackground: () => void = () => {};

  constructor(private readonly options: FileIngestionOptions) {}

  /** Wait for background ingestion to go idle. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /**
   * Crash safety for ingestion: renew the leases of files this replica holds, and take over files
   * another replica (or this one before a crash) left `in_progress`. A file's chunks are inserted
   * in one transaction, so an interrupted file has no chunks and simply starts again.
   * `takeOverAll` (embedded PGlite, which only this process can open): every waiting file is ours.
   */
  startBackgroundWork(options: { takeOverAll: boolean }): void {
    const { store, logger } = this.options;
    const renew = setInterval(() => {
      store
        .renewLeases(
          [...this.held.values()].map((h) => h.file),
          leaseUntil(),
        )
        .catch((error: unknown) => {
          logger.warn("could not renew ingestion leases", { error });
        });
    }, LEASE_RENEW_MS);
    // Leases this process takes all end after startedUntil; older ones belong to a dead process.
    const startedUntil = leaseUntil();
    let first = options.takeOverAll;
    const recover = async () => {
      const claimed = await store.claimAbandoned(leaseUntil(), 100, first ? startedUntil : new Date());
      first = false;
      if (claimed.length > 0) logger.info("resuming interrupted file ingestion", { files: claimed.length });
      for (const row of claimed) await this.resume(row);
    };
    const sweep = () => {
      const task = recover()
        .catch((error: unknown) => logger.warn("could not resume interrupted ingestion", { error }))
        .finally(() => this.running.delete(task));
      this.running.add(task);
    };
    const recovery = setInterval(sweep, RECOVERY_SWEEP_MS);
    renew.unref();
    recovery.unref();
    this.stopBackground = () => {
      clearInterval(renew);
      clearInterval(recovery);
    };
    sweep();
  }

  /**
   * Shutdown: files still waiting for a slot are not started; their leases are released so the
   * next start (or another replica) takes them at once. Running ingestions finish.
   */
  async close(): Promise<void> {
    this.closing = true;
    this.stopBackground();
    await this.drain();
    await this.options.store.renewLeases(this.skipped, new Date(0)).catch(() => {});
  }

  enqueue(store: VectorStoreRow, row: VectorStoreFileRow, filename: string, access: AccessContext) {
    const key = `${store.id}/${row.fileId}`;
    const hold = { storeId: store.id, fileId: row.fileId };
    const entry = this.held.get(key) ?? { file: hold, tasks: 0 };
    entry.tasks += 1;
    this.held.set(key, entry);
    const task = this.slots
      .run(async () => {
        if (this.closing) this.skipped.push(hold);
        else await this.ingest(store, row, filename, access);
      })
      .catch((error: unknown) => this.options.logger.error("vector store file ingestion crashed", { error }))
      .finally(() => {
        this.running.delete(task);
        entry.tasks -= 1;
        if (entry.tasks === 0) this.held.delete(key);
      });
    this.running.add(task);
  }

  /** Ingest a file another process left unfinished, as the store's owner. */
  private async resume(row: VectorStoreFileRow) {
    const store = await this.options.store.findAnyOwner(row.vectorStoreId);
    if (!store) return;
    const access: AccessContext = { principal: store.owner, enforced: store.owner !== null };
    let filename: string;
    try {
      filename = (await this.options.files.retrieve(row.fileId, { access })).filename;
    } catch (error) {
      await this.options.store.finishFile(store.id, row.fileId, {
        status: "failed",
        lastError: { code: "server_error", message: (error as Error).message },
        usageBytes: 0,
      });
      return;
    }
    this.enqueue(store, row, filename, access);
  }

  private async ingest(
    store: VectorStoreRow,
    row: VectorStoreFileRow,
    filename: string,
    access: AccessContext,
  ) {
    const { store: rows } = this.options;
    const attempts = await rows.beginIngestion(store.id, row.fileId, leaseUntil());
    // Cancelled or detached while it waited for a slot.
    if (attempts === undefined) return;
    if (attempts > MAX_INGEST_ATTEMPTS) {
      await rows.finishFile(store.id, row.fileId, {
        status: "failed",
        lastError: {
          code: "server_error",
          message: `Ingestion was interrupted ${attempts - 1} times (the server stopped while ingesting this file); giving up.`,
        },
        usageBytes: 0,
      });
      return;
    }
    try {
      const chunker = this.options.chunker;
      if (!chunker) throw new ServiceUnavailableError("This server has no document ingestion configured.");
      const { file, contentType, body } = await this.options.files.content(row.fileId, { access });
      const parts: Uint8Array[] = [];
      for await (const part of body) parts.push(part);
      const texts = await chunker.chunk(
        { bytes: Buffer.concat(parts), filename: file.filename, contentType },
        row.chunkingStrategy,
      );
      const embeddings: number[][] = [];
      for (let start = 0; start < texts.length; start += EMBED_BATCH) {
        const response = await this.options.inference.embeddings(
          {
            model: store.embeddingModel,
            input: texts.slice(start, start + EMBED_BATCH),
            encoding_format: "float",
            // A chunk longer than the embedding model's context (800 tokens vs bge-small's 512) is
            // stored whole and embedded from its start, as upstream's sentence-transformers does.
            truncate: true,
          },
          { access },
        );
        for (const item of response.data) embeddings.push(item.embedding as number[]);
      }
      const chunks: VectorChunk[] = texts.map((content, index) => ({
        chunkId: `${row.fileId}:${index}`,
        content,
        embedding: embeddings[index]!,
        metadata: { document_id: row.fileId, filename, ...row.attributes },
        documentId: row.fileId,
      }));
      await this.deleteChunks(store, row.fileId);
      if (chunks.length > 0)
        await vectorIoProviderOf(this.options.providers, store.providerId).insert(store.id, chunks, {});
      const usageBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
      const kept = await rows.finishFile(store.id, row.fileId, {
        status: "completed",
        lastError: null,
        usageBytes,
      });
      // Detached or cancelled while we worked: take the chunks back out.
      const now = kept ? undefined : await rows.findFile(store.id, row.fileId);
      if (!kept && (now === undefined || now.status === "cancelled")) {
        await this.deleteChunks(store, row.fileId).catch(() => {});
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!StackError.isInstance(error))
        this.options.logger.warn("vector store file ingestion failed", { error });
      await rows.finishFile(store.id, row.fileId, {
        status: "failed",
        lastError: { code: "server_error", message },
        usageBytes: 0,
      });
    }
  }

  async deleteChunks(store: VectorStoreRow, fileId: string): Promise<void> {
    const provider = vectorIoProviderOf(this.options.providers, store.providerId);
    if (typeof provider.deleteDocument !== "function") {
      throw new InvalidRequestError(
        `Vector_io provider '${store.providerId}' cannot delete a file's chunks.`,
      );
    }
    await provider.deleteDocument(store.id, fileId, {});
  }
}
