import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type OpenAI from "openai";
import { toFile } from "openai";
import type { BatchProgress } from "./batch-progress.ts";

export interface IngestOptions {
  client: OpenAI;
  paths: string[];
  storeName: string;
  /** Llama Stack extra: which embedding model the new store uses (server default otherwise). */
  embeddingModel?: string | undefined;
  onProgress(progress: BatchProgress): void;
  pollMs?: number;
}

export interface IngestResult {
  storeId: string;
  batchStatus: string;
  failures: { filename: string; error: string }[];
}

/** Upload files, attach them as one batch, and report the batch's progress until it settles. */
export async function ingestFiles(options: IngestOptions): Promise<IngestResult> {
  const { client, paths } = options;
  const started = Date.now();
  const uploaded = [];
  for (const path of paths) {
    const file = await toFile(await readFile(path), basename(path));
    uploaded.push(await client.files.create({ file, purpose: "assistants" }));
  }
  const store = await client.vectorStores.create({
    name: options.storeName,
    ...(options.embeddingModel ? { embedding_model: options.embeddingModel } : {}),
  } as OpenAI.VectorStores.VectorStoreCreateParams);
  const ids = uploaded.map((file) => file.id);
  let batch = await client.vectorStores.fileBatches.create(store.id, { file_ids: ids });
  for (;;) {
    const counts = batch.file_counts;
    options.onProgress({
      completed: counts.completed,
      failed: counts.failed,
      cancelled: counts.cancelled,
      inProgress: counts.in_progress,
      total: counts.total,
      elapsedMs: Date.now() - started,
    });
    if (batch.status !== "in_progress") break;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
    batch = await client.vectorStores.fileBatches.retrieve(batch.id, { vector_store_id: store.id });
  }
  const failures = [];
  for await (const file of client.vectorStores.fileBatches.listFiles(batch.id, {
    vector_store_id: store.id,
    filter: "failed",
  })) {
    const name = uploaded.find((u) => u.id === file.id)?.filename ?? file.id;
    failures.push({ filename: name, error: file.last_error?.message ?? "unknown error" });
  }
  return { storeId: store.id, batchStatus: batch.status, failures };
}
