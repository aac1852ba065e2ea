import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogConfig, startTestStack, type TestStack } from "../helpers/start-test-stack.ts";
import { ALICE, BOB, TWO_PRINCIPALS_AUTH } from "../helpers/two-principals.ts";

// Vector stores are owned by the principal that created them; another principal never sees them.
let ts: TestStack;

beforeAll(async () => {
  const base = catalogConfig();
  ts = await startTestStack({
    ...base,
    apis: ["inference", "vector_io"],
    providers: {
      ...base.providers,
      vector_io: [{ provider_id: "pgvector", provider_type: "inline::pgvector", config: {} }],
    },
    server: {
      auth: TWO_PRINCIPALS_AUTH,
    },
  });
});
afterAll(async () => {
  await ts?.close();
});

const as = (apiKey: string) => new OpenAI({ baseURL: `${ts.url}/v1`, apiKey, maxRetries: 0 });

describe("vector store ownership", () => {
  it("keeps a store private to its creator, with the first embedding model by default", async () => {
    const store = await as(ALICE).vectorStores.create({ name: "private" });
    expect((await as(ALICE).vectorStores.retrieve(store.id)).name).toBe("private");
    const resource = await ts.stack.tables.vectorStores.get(store.id, { principal: "alice", enforced: true });
    expect(resource).toMatchObject({ embedding_model: "catalog/all-MiniLM-L6-v2", embedding_dimension: 384 });

    await expect(as(BOB).vectorStores.retrieve(store.id)).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    await expect(as(BOB).vectorStores.delete(store.id)).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    expect((await as(BOB).vectorStores.list()).data.map((s) => s.id)).not.toContain(store.id);
    expect((await as(ALICE).vectorStores.list()).data.map((s) => s.id)).toContain(store.id);
  });

  it("answers rewrite_query with a 400 that says how to enable it when no rewrite model is configured", async () => {
    const store = await as(ALICE).vectorStores.create({ name: "no-rewrite" });
    const error = await as(ALICE)
      .vectorStores.search(store.id, { query: "x", rewrite_query: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(String(error)).toContain("vector_stores.rewrite_query_params.model");
  });
});
