import { chainModelPath, tinyLlamaPath } from "@llama-stack-ts/test-fixtures";
import LlamaStackClient from "llama-stack-client";
import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ragStackConfig } from "../helpers/rag-stack-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// /v1/vector_stores on pgvector and inline::localfs, embedding with a real llama.cpp model.
type CreateParams = OpenAI.VectorStores.VectorStoreCreateParams;
type SearchParams = OpenAI.VectorStores.VectorStoreSearchParams;

let ts: TestStack;
/** What the query-rewriting model answers, whatever it is asked. */
const REWRITTEN = "pgvector extension";
let openai: OpenAI;

beforeAll(async () => {
  const rewriter = await chainModelPath(REWRITTEN);
  ts = await startTestStack({
    ...(await ragStackConfig({
      extraModels: [
        { model_id: "rewriter", source: rewriter, model_type: "llm" },
        {
          model_id: "short-embed",
          source: await tinyLlamaPath(),
          model_type: "embedding",
          context_size: 64,
          metadata: { embedding_dimension: 64 },
        },
      ],
    })),
    vector_stores: { rewrite_query_params: { model: { provider_id: "llama-cpp", model_id: "rewriter" } } },
  });
  openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
});
afterAll(async () => {
  await ts?.close();
});

const LLAMAS = "# Llamas\n\nLlamas are domesticated South American camelids that hum when curious.";
const POSTGRES = "PostgreSQL stores vectors with the pgvector extension and indexes them with HNSW.";

async function upload(name: string, content: string | Uint8Array) {
  return openai.files.create({ file: await toFile(Buffer.from(content), name), purpose: "assistants" });
}

async function settled(storeId: string, fileId: string) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const file = await openai.vectorStores.files.retrieve(fileId, { vector_store_id: storeId });
    if (file.status !== "in_progress") return file;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`file ${fileId} never left in_progress`);
}

/** Each chunk's id, embedding and insert time: unchanged unless the file was ingested again. */
async function chunkRows(storeId: string) {
  return ts.stack.database.sql.query<{ chunk_id: string; embedding: string; created_at: Date }>(
    "SELECT chunk_id, embedding::text AS embedding, created_at FROM vector_chunks WHERE vector_store_id = $1 ORDER BY chunk_id",
    [storeId],
  );
}

async function chunkCount(storeId: string): Promise<number> {
  const [row] = await ts.stack.database.sql.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM vector_chunks WHERE vector_store_id = $1",
    [storeId],
  );
  return Number(row?.count);
}

describe("vector stores", () => {
  it("creates, attaches, ingests in the background and searches", async () => {
    const store = await openai.vectorStores.create({
      name: "docs",
      metadata: { topic: "animals" },
      embedding_model: "llama-cpp/embed", // Llama Stack extra
    } as CreateParams);
    expect(store).toMatchObject({
      object: "vector_store",
      name: "docs",
      status: "completed",
      metadata: { topic: "animals" },
      file_counts: { cancelled: 0, completed: 0, failed: 0, in_progress: 0, total: 0 },
    });
    expect(store.id).toMatch(/^vs_/);

    const llamas = await upload("llamas.md", LLAMAS);
    const postgres = await upload("postgres.txt", POSTGRES);
    const attached = await openai.vectorStores.files.create(store.id, {
      file_id: llamas.id,
      attributes: { kind: "animal" },
    });
    expect(attached).toMatchObject({ id: llamas.id, vector_store_id: store.id, status: "in_progress" });
    await openai.vectorStores.files.create(store.id, { file_id: postgres.id });
    expect(await settled(store.id, llamas.id)).toMatchObject({ status: "completed", last_error: null });
    expect((await settled(store.id, postgres.id)).status).toBe("completed");

    const retrieved = await openai.vectorStores.retrieve(store.id);
    expect(retrieved.file_counts).toEqual({
      cancelled: 0,
      completed: 2,
      failed: 0,
      in_progress: 0,
      total: 2,
    });
    expect(retrieved.usage_bytes).toBeGreaterThan(0);

    const results = await openai.vectorStores.search(store.id, { query: LLAMAS });
    expect(results.data[0]).toMatchObject({
      file_id: llamas.id,
      filename: "llamas.md",
      attributes: { kind: "animal", document_id: llamas.id },
      content: [{ type: "text", text: LLAMAS }],
    });
    expect(results.data[0]!.score).toBeCloseTo(1, 3);
    const raw = await openai.vectorStores
      .search(store.id, { query: LLAMAS, max_num_results: 1 })
      .asResponse();
    expect(await raw.json()).toMatchObject({
      object: "vector_store.search_results.page",
      search_query: [LLAMAS],
      data: [{ file_id: llamas.id }],
      has_more: false,
      next_page: null,
    });

    const keyword = await openai.vectorStores.search(store.id, {
      query: ["pgvector", "extension"],
      search_mode: "keyword",
    } as SearchParams);
    expect(keyword.data.map((r) => r.file_id)).toEqual([postgres.id]);

    const filtered = await openai.vectorStores.search(store.id, {
      query: LLAMAS,
      filters: { type: "eq", key: "kind", value: "animal" },
    });
    expect(filtered.data.map((r) => r.file_id)).toEqual([llamas.id]);

    // Re-attaching replaces the file's chunks rather than adding to them.
    const before = await chunkCount(store.id);
    expect(before).toBeGreaterThan(0);
    await openai.vectorStores.files.create(store.id, { file_id: llamas.id });
    expect((await settled(store.id, llamas.id)).status).toBe("completed");
    expect(await chunkCount(store.id)).toBe(before);
    expect((await openai.vectorStores.retrieve(store.id)).file_counts.total).toBe(2);

    const updated = await openai.vectorStores.files.update(llamas.id, {
      vector_store_id: store.id,
      attributes: { kind: "camelid" },
    });
    expect(updated.attributes).toEqual({ kind: "camelid" });
    expect((await settled(store.id, llamas.id)).status).toBe("completed");
    const camelids = await openai.vectorStores.search(store.id, {
      query: LLAMAS,
      filters: { type: "eq", key: "kind", value: "camelid" },
    });
    expect(camelids.data.map((r) => r.file_id)).toEqual([llamas.id]);
    expect(await chunkCount(store.id)).toBe(before);

    const listed = [];
    for await (const file of openai.vectorStores.files.list(store.id, { limit: 1 })) listed.push(file.id);
    expect(listed.sort()).toEqual([llamas.id, postgres.id].sort());

    const detached = await openai.vectorStores.files.delete(postgres.id, { vector_store_id: store.id });
    expect(detached).toMatchObject({ id: postgres.id, deleted: true });
    const after = await openai.vectorStores.search(store.id, { query: POSTGRES });
    expect(after.data.map((r) => r.file_id)).not.toContain(postgres.id);
    expect((await openai.vectorStores.retrieve(store.id)).file_counts.total).toBe(1);
  });

  it("updates a file's attributes in place: a filtered search right after sees them, nothing is re-embedded", async () => {
    const store = await openai.vectorStores.create({ name: "attributes" });
    const llamas = await upload("llamas.md", LLAMAS);
    await openai.vectorStores.files.create(store.id, {
      file_id: llamas.id,
      attributes: { kind: "animal", legs: 4 },
    });
    expect((await settled(store.id, llamas.id)).status).toBe("completed");
    const before = await chunkRows(store.id);
    expect(before.length).toBeGreaterThan(0);

    const updated = await openai.vectorStores.files.update(llamas.id, {
      vector_store_id: store.id,
      attributes: { kind: "camelid" },
    });
    expect(updated).toMatchObject({ id: llamas.id, status: "completed", attributes: { kind: "camelid" } });
    // No waiting for ingestion: the chunks already carry the new attributes.
    const search = (filters: SearchParams["filters"]) =>
      openai.vectorStores.search(store.id, { query: LLAMAS, ...(filters ? { filters } : {}) });
    const camelids = await search({ type: "eq", key: "kind", value: "camelid" });
    expect(camelids.data.map((r) => r.file_id)).toEqual([llamas.id]);
    expect(camelids.data[0]!.attributes).toEqual({
      kind: "camelid",
      document_id: llamas.id,
      filename: "llamas.md",
    });
    expect((await search({ type: "eq", key: "kind", value: "animal" })).data).toEqual([]);
    expect((await search({ type: "eq", key: "legs", value: 4 })).data).toEqual([]);
    expect(await chunkRows(store.id)).toEqual(before);
    expect(await openai.vectorStores.files.retrieve(llamas.id, { vector_store_id: store.id })).toMatchObject({
      status: "completed",
      attributes: { kind: "camelid" },
    });
    expect((await openai.vectorStores.retrieve(store.id)).file_counts).toMatchObject({
      completed: 1,
      in_progress: 0,
    });
  });

  it("rejects a malformed filter with a 400 naming the field, before searching", async () => {
    const store = await openai.vectorStores.create({ name: "filters" });
    const rejected = async (filters: unknown) => {
      const error = await openai.vectorStores
        .search(store.id, { query: "x", filters: filters as SearchParams["filters"] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      return (error as InstanceType<typeof OpenAI.BadRequestError>).param;
    };
    expect(await rejected({ type: "eq", key: "kind" })).toBe("body.filters.value");
    expect(await rejected({ type: "in", key: "kind", value: [] })).toBe("body.filters.value");
    expect(await rejected({ type: "like", key: "kind", value: "x" })).toBe("body.filters.type");
    expect(
      await rejected({
        type: "or",
        filters: [
          { type: "eq", key: "kind", value: "x" },
          { type: "and", filters: [{ type: "gt", key: "n", value: { at: 1 } }] },
        ],
      }),
    ).toBe("body.filters.filters[1].filters[0].value");
    const ok = await openai.vectorStores.search(store.id, {
      query: "x",
      filters: { type: "and", filters: [{ type: "nin", key: "kind", value: ["a", "b"] }] },
    });
    expect(ok.data).toEqual([]);
  });

  it("serves a file's chunks in document order, with embeddings and attributes on request", async () => {
    const client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
    const store = await openai.vectorStores.create({ name: "content" });
    const words = Array.from({ length: 1200 }, (_, i) => `word${i}`).join(" ");
    const file = await upload("words.txt", words);
    await openai.vectorStores.files.create(store.id, {
      file_id: file.id,
      attributes: { shelf: "b" },
      chunking_strategy: { type: "static", static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 0 } },
    });
    expect((await settled(store.id, file.id)).status).toBe("completed");

    const plain = await client.vectorStores.files.content(store.id, file.id);
    expect(plain.object).toBe("vector_store.file_content.page");
    expect(plain.data.length).toBeGreaterThan(10);
    expect(plain.data.length).toBe(await chunkCount(store.id));
    // No overlap: the chunks in order are the document again.
    expect(plain.data.map((c) => c.text.trim()).join(" ")).toBe(words);
    expect(plain.data[0]).toMatchObject({ type: "text", chunk_metadata: { document_id: file.id } });
    expect(plain.data[0]).not.toHaveProperty("embedding");
    expect(plain.data[0]).not.toHaveProperty("metadata");

    const full = await client.vectorStores.files.content(store.id, file.id, {
      include_embeddings: true,
      include_metadata: true,
    });
    expect(full.data[0]!.embedding).toHaveLength(64);
    expect(full.data[0]!.metadata).toMatchObject({ shelf: "b", document_id: file.id, filename: "words.txt" });

    const missing = await openai
      .get(`/vector_stores/${store.id}/files/file-nope/content`)
      .catch((error: unknown) => error);
    // Upstream answers "not found" under /v1/vector_stores with a 400.
    expect(missing).toBeInstanceOf(OpenAI.BadRequestError);
    expect(String(missing)).toContain("'file-nope' not found");
  });

  it("rewrites the query through the configured model when rewrite_query is set", async () => {
    const store = await openai.vectorStores.create({ name: "rewrite" });
    const llamas = await upload("llamas.md", LLAMAS);
    const postgres = await upload("postgres.txt", POSTGRES);
    for (const file of [llamas, postgres]) {
      await openai.vectorStores.files.create(store.id, { file_id: file.id });
      expect((await settled(store.id, file.id)).status).toBe("completed");
    }
    const asked = { query: "humming camelids", search_mode: "keyword" } as SearchParams;
    const plain = await openai.vectorStores.search(store.id, asked);
    expect(plain.data.map((r) => r.file_id)).toEqual([llamas.id]);

    const raw = await openai.vectorStores.search(store.id, { ...asked, rewrite_query: true }).asResponse();
    const rewritten = (await raw.json()) as { search_query: string[]; data: { file_id: string }[] };
    expect(rewritten.search_query).toEqual([REWRITTEN]);
    expect(rewritten.data.map((r) => r.file_id)).toEqual([postgres.id]);
  });

  it("embeds a chunk longer than the model's context from its start instead of failing the file", async () => {
    const words = Array.from({ length: 150 }, (_, i) => `token${i}`).join(" ");
    // /v1/embeddings itself stays strict.
    const strict = await openai.embeddings
      .create({ model: "llama-cpp/short-embed", input: words })
      .catch((e: unknown) => e);
    expect(strict).toBeInstanceOf(OpenAI.BadRequestError);
    expect(String(strict)).toContain("embeds at most 63");

    const store = await openai.vectorStores.create({
      name: "short-context",
      embedding_model: "llama-cpp/short-embed",
    } as CreateParams);
    const file = await upload("long.txt", words);
    await openai.vectorStores.files.create(store.id, {
      file_id: file.id,
      chunking_strategy: { type: "static", static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 0 } },
    });
    expect(await settled(store.id, file.id)).toMatchObject({ status: "completed", last_error: null });
    const content = (await openai.get(`/vector_stores/${store.id}/files/${file.id}/content`)) as {
      data: { text: string }[];
    };
    expect(content.data.map((c) => c.text).join(" ")).toBe(words); // stored whole
  });

  it("marks an unsupported file failed with a readable last_error", async () => {
    const store = await openai.vectorStores.create({ name: "images" });
    const png = await upload(
      "x.png",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    await openai.vectorStores.files.create(store.id, { file_id: png.id });
    const file = await settled(store.id, png.id);
    expect(file.status).toBe("failed");
    expect(file.last_error?.code).toBe("server_error");
    expect(file.last_error?.message).toMatch(/Unsupported file type .*x\.png.*supported: txt, md/);
    const failed = await openai.vectorStores.files.list(store.id, { filter: "failed" });
    expect(failed.data.map((f) => f.id)).toEqual([png.id]);
    expect((await openai.vectorStores.retrieve(store.id)).file_counts).toMatchObject({ failed: 1, total: 1 });
  });

  it("attaches a batch of files and reports its counts", async () => {
    const store = await openai.vectorStores.create({ name: "batch" });
    const one = await upload("one.md", LLAMAS);
    const two = await upload("two.txt", POSTGRES);
    const bad = await upload("x.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const batch = await openai.vectorStores.fileBatches.create(store.id, {
      file_ids: [one.id, two.id, bad.id],
      attributes: { source: "batch" },
    });
    // Upstream's and OpenAI's wire value; the openai SDK's type literal "vector_store.files_batch" is an SDK error.
    expect(batch).toMatchObject({ object: "vector_store.file_batch", vector_store_id: store.id });
    expect(batch.id).toMatch(/^vsfb_/);
    expect(batch.file_counts.total).toBe(3);
    for (const file of [one, two, bad]) await settled(store.id, file.id);
    const done = await openai.vectorStores.fileBatches.retrieve(batch.id, { vector_store_id: store.id });
    expect(done).toMatchObject({
      status: "completed",
      file_counts: { completed: 2, failed: 1, in_progress: 0, cancelled: 0, total: 3 },
    });
    const files = await openai.vectorStores.fileBatches.listFiles(batch.id, {
      vector_store_id: store.id,
      filter: "completed",
    });
    expect(files.data.map((f) => f.id).sort()).toEqual([one.id, two.id].sort());
    expect(files.data[0]!.attributes).toEqual({ source: "batch" });
    const cancelled = await openai.vectorStores.fileBatches.cancel(batch.id, { vector_store_id: store.id });
    expect(cancelled.status).toBe("completed"); // nothing left to cancel
  });

  it("cancels a batch: files still waiting end cancelled and leave no chunks", async () => {
    const store = await openai.vectorStores.create({ name: "cancel" });
    const files = await Promise.all(
      Array.from({ length: 8 }, (_, i) => upload(`doc${i}.txt`, `${POSTGRES} Copy ${i}.`)),
    );
    const batch = await openai.vectorStores.fileBatches.create(store.id, {
      file_ids: files.map((f) => f.id),
    });
    const cancelled = await openai.vectorStores.fileBatches.cancel(batch.id, { vector_store_id: store.id });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.file_counts.cancelled).toBeGreaterThan(0);
    await ts.stack.vectorStores.ingestion.drain();
    const after = await openai.vectorStores.fileBatches.retrieve(batch.id, { vector_store_id: store.id });
    expect(after.file_counts.in_progress).toBe(0);
    expect(after.file_counts.cancelled).toBe(cancelled.file_counts.cancelled);
    expect(await chunkCount(store.id)).toBe(after.file_counts.completed);
  });

  it("lists, updates and deletes; a missing store is a 400 as upstream answers", async () => {
    const a = await openai.vectorStores.create({ name: "a" });
    const b = await openai.vectorStores.create({ name: "b" });
    const page = await openai.vectorStores.list({ limit: 1, order: "desc" });
    expect(page.data.map((s) => s.id)).toEqual([b.id]);
    expect(page.has_more).toBe(true);
    const next = await openai.vectorStores.list({ limit: 1, order: "desc", after: b.id });
    expect(next.data.map((s) => s.id)).toEqual([a.id]);
    const back = await openai.vectorStores.list({ limit: 1, order: "desc", before: a.id });
    expect(back.data.map((s) => s.id)).toEqual([b.id]);

    const updated = await openai.vectorStores.update(a.id, { name: "renamed", metadata: { v: "2" } });
    expect(updated).toMatchObject({ id: a.id, name: "renamed", metadata: { v: "2" } });

    expect(await openai.vectorStores.delete(a.id)).toMatchObject({ id: a.id, deleted: true });
    const gone = await openai.vectorStores.retrieve(a.id).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(OpenAI.BadRequestError);
    expect((gone as Error).message).toContain(a.id);
    await expect(openai.vectorStores.search(a.id, { query: "x" })).rejects.toBeInstanceOf(
      OpenAI.BadRequestError,
    );
    expect(
      (await ts.stack.tables.vectorStores.find(a.id, { principal: null, enforced: false })) ?? null,
    ).toBeNull();
  });

  it("rejects an invalid search_mode, an unknown model and a mismatching dimension", async () => {
    const store = await openai.vectorStores.create({ name: "modes" });
    await expect(
      openai.vectorStores.search(store.id, { query: "x", search_mode: "fuzzy" } as SearchParams),
    ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    const unknown = await openai.vectorStores
      .create({ embedding_model: "nope/none" } as CreateParams)
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(OpenAI.BadRequestError);
    expect((unknown as Error).message).toContain("nope/none");
    const mismatch = await openai.vectorStores
      .create({ metadata: { embedding_model: "llama-cpp/embed", embedding_dimension: "128" } })
      .catch((e: unknown) => e);
    expect(mismatch).toBeInstanceOf(OpenAI.BadRequestError);
    expect((mismatch as Error).message).toMatch(/128.*64/);
  });
});
