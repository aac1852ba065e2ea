import {
  type DocumentChunker,
  type InferenceApi,
  InvalidRequestError,
  type Logger,
  ServiceUnavailableError,
  type VectorChunk,
} from "@llama-stack-ts/api";
import { type AccessContext, ownerFor } from "../../auth/access-context.ts";
import type { JobContext } from "../../jobs/job-kind.ts";
import type { JobRunner } from "../../jobs/job-runner.ts";
import type { ProviderSet } from "../../stack/provider-set.ts";
import type { VectorStoreFileRow, VectorStoreRow } from "../../storage/schema.ts";
import type { FilesRouter } from "../files/files-router.ts";
import { vectorIoProviderOf } from "../vector-io/vector-io-provider-of.ts";
import { VectorStoresStore } from "./vector-stores-store.ts";

export interface FileIngestionOptions {
  store: VectorStoresStore;
  providers: ProviderSet;
  inference: InferenceApi;
  files: FilesRouter;
  logger: Logger;
  /** Runs the ingestion jobs: leases, takeover after a crash, concurrency, shutdown. */
  jobs: JobRunner;
  /** Parses and chunks attached files; without it every attached file fails. */
  chunker?: DocumentChunker | undefined;
}

/** The job kind of ingesting one attached file. */
export const FILE_INGESTION_JOB = "vector_store_file_ingestion";
/** Chunks per embeddings call while ingesting a file. */
const EMBED_BATCH = 32;
/** Files ingested at once per replica (upstream processes 3 concurrently); the rest wait their turn. */
const INGEST_CONCURRENCY = 3;
/** A file that keeps taking the server down with it (say, a pathological PDF) is failed, not retried forever. */
const MAX_INGEST_ATTEMPTS = 3;

/** The ingestion job's payload: which file, and whose access reads it (the caller who attached it). */
interface FileIngestionPayload extends Record<string, unknown> {
  vectorStoreId: string;
  fileId: string;
  access: AccessContext;
}

const interrupted = (times: number) =>
  `Ingestion was interrupted ${times} times (the server stopped while ingesting this file); giving up.`;

/**
 * Background ingestion of files attached to vector stores (parse, chunk, embed, insert) as jobs
 * of the Stack's `JobRunner`, which brings the crash safety: a lease while a replica works on a
 * file, takeover of a file whose replica died, at most 3 files at once, a file cut short too often
 * failed. The file row keeps the outcome (`status`, `last_error`) and counts its own starts.
 */
export class FileIngestion {
  constructor(private readonly options: FileIngestionOptions) {
    options.jobs.register<FileIngestionPayload>({
      kind: FILE_INGESTION_JOB,
      concurrency: INGEST_CONCURRENCY,
      maxAttempts: MAX_INGEST_ATTEMPTS,
      run: (job, context) => this.ingest(job.payload, context),
      onGiveUp: (job) => this.fail(job.payload, interrupted(job.attempts - 1)),
    });
  }

  /**
   * Attach (or re-attach): the file row, `in_progress`, and its ingestion job are written in one
   * transaction, so a crash can never leave a waiting file that no job will ingest.
   */
  async attach(row: VectorStoreFileRow, access: AccessContext): Promise<void> {
    const payload: FileIngestionPayload = {
      vectorStoreId: row.vectorStoreId,
      fileId: row.fileId,
      access: { principal: access.principal, enforced: access.enforced },
    };
    await this.options.jobs.enqueue(FILE_INGESTION_JOB, payload, {
      owner: ownerFor(access),
      alongside: (tx) => new VectorStoresStore(tx).upsertFile(row),
    });
  }

  /** Wait for this replica's ingestion to go idle. */
  async drain(): Promise<void> {
    await this.options.jobs.drain(FILE_INGESTION_JOB);
  }

  private async fail({ vectorStoreId, fileId }: FileIngestionPayload, message: string) {
    await this.options.store.finishFile(vectorStoreId, fileId, {
      status: "failed",
      lastError: { code: "server_error", message },
      usageBytes: 0,
    });
  }

  /** Whatever goes wrong ends the file `failed` with the error's message, and the job with it. */
  private async ingest(payload: FileIngestionPayload, context: JobContext) {
    try {
      return await this.ingestFile(payload, context);
    } catch (error) {
      await this.fail(payload, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  private async ingestFile({ vectorStoreId, fileId, access }: FileIngestionPayload, context: JobContext) {
    const { store: rows } = this.options;
    const store = await rows.findAnyOwner(vectorStoreId);
    // Deleted, or the file detached or cancelled while it waited: nothing to do.
    if (!store) return;
    const row = await rows.beginIngestion(store.id, fileId);
    if (!row) return;
    if (row.attempts > MAX_INGEST_ATTEMPTS) throw new Error(interrupted(row.attempts - 1));
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
      await context.progress({ chunks_embedded: embeddings.length, chunks_total: texts.length });
    }
    const chunks: VectorChunk[] = texts.map((content, index) => ({
      chunkId: `${row.fileId}:${index}`,
      content,
      embedding: embeddings[index]!,
      metadata: { document_id: row.fileId, filename: file.filename, ...row.attributes },
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
    return { chunks: chunks.length, usage_bytes: usageBytes };
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
