import { InvalidRequestError } from "@llama-stack-ts/api";
import { tinyLlamaPath } from "@llama-stack-ts/test-fixtures";
import LlamaStackClient from "llama-stack-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// /v1/vector-io on pgvector in the Stack's database, embedding text with a real llama.cpp model.
let ts: TestStack;
let client: LlamaStackClient;

beforeAll(async () => {
  const tiny = await tinyLlamaPath();
  ts = await startTestStack({
    distro_name: "test",
    apis: ["inference", "vector_io"],
    providers: {
      inference: [
        {
          provider_id: "llama-cpp",
          provider_type: "inline::llama-cpp",
          config: {
            gpu: false,
            threads: 1,
            models: [
              {
                model_id: "embed",
                source: tiny,
                model_type: "embedding",
                metadata: { embedding_dimension: 64 },
              },
            ],
          },
        },
      ],
      vector_io: [{ provider_id: "pgvector", provider_type: "inline::pgvector", config: {} }],
    },
    registered_resources: {
      vector_stores: [
        { vector_store_id: "docs", embedding_model: "llama-cpp/embed", embedding_dimension: 64 },
      ],
    },
  });
  client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
});
afterAll(async () => {
  await ts?.close();
});

const texts = [
  "Llamas are domesticated South American camelids.",
  "PostgreSQL stores vectors with the pgvector extension.",
  "The Andes are the longest mountain range on a continent.",
];

describe("vector-io", () => {
  it("embeds chunks on insert and finds the same text first by vector search", async () => {
    await client.vectorIo.insert({
      vector_store_id: "docs",
      chunks: texts.map((content, i) => ({
        chunk_id: `c${i}`,
        content,
        metadata: { topic: i === 1 ? "tech" : "nature", rank: i },
      })) as never,
    });
    const result = await client.vectorIo.query({
      vector_store_id: "docs",
      query: texts[1]!,
      params: { max_chunks: 2 },
    });
    expect(result.chunks[0]).toMatchObject({
      chunk_id: "c1",
      content: texts[1],
      metadata: { topic: "tech", rank: 1 },
    });
    expect(result.scores[0]).toBeCloseTo(1, 4); // identical text → identical embedding → cosine 1
    expect(result.chunks).toHaveLength(2);
  });

  it("keyword and hybrid modes, filters and thresholds", async () => {
    const keyword = await client.vectorIo.query({
      vector_store_id: "docs",
      query: "mountain range",
      params: { mode: "keyword", max_chunks: 5 },
    });
    expect(keyword.chunks.map((c) => c.chunk_id)).toEqual(["c2"]);
    const hybrid = await client.vectorIo.query({
      vector_store_id: "docs",
      query: texts[0]!,
      params: { mode: "hybrid", max_chunks: 3 },
    });
    expect(hybrid.chunks[0]!.chunk_id).toBe("c0");
    expect(hybrid.scores[0]).toBeLessThanOrEqual(1);
    const filtered = await client.vectorIo.query({
      vector_store_id: "docs",
      query: texts[0]!,
      params: { max_chunks: 5, filters: { type: "eq", key: "topic", value: "tech" } },
    });
    expect(filtered.chunks.map((c) => c.chunk_id)).toEqual(["c1"]);
  });

  it("answers bad input with 4xx: unknown store, bad filter key, wrong dimension", async () => {
    await expect(client.vectorIo.query({ vector_store_id: "nope", query: "x" })).rejects.toBeInstanceOf(
      LlamaStackClient.NotFoundError,
    );
    await expect(
      client.vectorIo.query({
        vector_store_id: "docs",
        query: "x",
        params: { filters: { type: "eq", key: "a b", value: 1 } },
      }),
    ).rejects.toBeInstanceOf(LlamaStackClient.BadRequestError);
    // A malformed filter is rejected at the edge, naming the field.
    const malformed = await client.vectorIo
      .query({
        vector_store_id: "docs",
        query: "x",
        params: { filters: { type: "or", filters: [{ type: "in", key: "topic", value: [] }] } },
      })
      .catch((e: unknown) => e);
    expect(malformed).toBeInstanceOf(LlamaStackClient.BadRequestError);
    expect((malformed as Error).message).toContain("body.params.filters.filters[0].value");
    const error = await client.vectorIo
      .insert({
        vector_store_id: "docs",
        chunks: [{ content: "x", embedding: [1, 2, 3], metadata: {} }] as never,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlamaStackClient.BadRequestError);
    expect((error as Error).message).toContain("dimension 3, but vector store 'docs' has dimension 64");
  });

  it("answers a 1 MB document_id or chunk_id with a 400 naming the field, never a Postgres error", async () => {
    const huge = "d".repeat(1_000_000);
    const embedding = Array.from({ length: 64 }, (_, i) => (i === 0 ? 1 : 0));
    const response = await fetch(`${ts.url}/v1/vector-io/insert`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        vector_store_id: "docs",
        chunks: [{ content: "x", embedding, metadata: { document_id: huge } }],
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { type: string; param?: string } };
    expect(body.error).toMatchObject({
      type: "invalid_request_error",
      param: expect.stringContaining("document_id"),
    });
    // In process (agents, tools) there is no HTTP edge: the router refuses it the same way.
    const access = { principal: null, enforced: false };
    for (const [chunk, param] of [
      [{ metadata: { document_id: huge } }, "chunks[0].metadata.document_id"],
      [{ metadata: {}, chunk_metadata: { document_id: huge } }, "chunks[0].chunk_metadata.document_id"],
      [{ metadata: {}, chunk_id: huge }, "chunks[0].chunk_id"],
    ] as const) {
      const error = await ts.stack.vectorIo
        .insert({ vector_store_id: "docs", chunks: [{ content: "x", embedding, ...chunk }] }, { access })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error).toMatchObject({ param });
    }
  });
});
