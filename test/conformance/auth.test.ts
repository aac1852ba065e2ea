import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogConfig, startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// Two principals with their own API keys: each sees shared models and its own, never the other's.
let ts: TestStack;
const ALICE = "alice-key-0123456789";
const BOB = "bob-key-0123456789";

beforeAll(async () => {
  ts = await startTestStack(
    catalogConfig({
      server: {
        auth: {
          provider_config: {
            type: "api_keys",
            keys: [
              { key: "${env.ALICE_KEY}", principal: "alice" },
              { key: BOB, principal: "bob" },
            ],
          },
        },
      },
    }),
    { env: { ALICE_KEY: ALICE } },
  );
});
afterAll(async () => {
  await ts?.close();
});

const as = (apiKey?: string) =>
  new LlamaStackClient({ baseURL: ts.url, maxRetries: 0, ...(apiKey ? { apiKey } : {}) });

describe("bearer API keys", () => {
  it("rejects missing and wrong keys with 401, but health stays public", async () => {
    await expect(as().models.list()).rejects.toBeInstanceOf(LlamaStackClient.AuthenticationError);
    await expect(as("wrong-key-000000").models.list()).rejects.toBeInstanceOf(
      LlamaStackClient.AuthenticationError,
    );
    const openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "nope", maxRetries: 0 });
    await expect(openai.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    expect(await as().inspect.health()).toEqual({ status: "OK" });
  });

  it("keeps each principal's registrations private: another principal gets 404, not 403", async () => {
    await as(ALICE).post("/v1/models", {
      body: { model_id: "alice-private", provider_id: "catalog", provider_model_id: "Llama-3.1-8B-Instruct" },
    });
    expect((await as(ALICE).models.retrieve("catalog/alice-private")).identifier).toBe(
      "catalog/alice-private",
    );
    expect((await as(ALICE).models.list()).map((m) => m.id)).toContain("catalog/alice-private");

    const bobIds = (await as(BOB).models.list()).map((m) => m.id);
    expect(bobIds).not.toContain("catalog/alice-private");
    expect(bobIds).toContain("catalog/Llama-3.1-8B-Instruct"); // shared: discovered from the provider
    await expect(as(BOB).models.retrieve("catalog/alice-private")).rejects.toBeInstanceOf(
      LlamaStackClient.NotFoundError,
    );
    // Bob cannot delete it either, and the answer does not reveal that it exists.
    const error = await as(BOB)
      .delete("/v1/models/catalog/alice-private")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlamaStackClient.NotFoundError);
    expect((await as(ALICE).models.retrieve("catalog/alice-private")).identifier).toBe(
      "catalog/alice-private",
    );
  });

  it("gives each principal its own model ids: another principal's id registers instead of leaking a 409", async () => {
    // Before decision 0009 this was a 409 "already exists" for an id Bob's GET answered 404 for.
    await as(BOB).post("/v1/models", {
      body: { model_id: "alice-private", provider_id: "catalog", provider_model_id: "Llama-3.2-1B-Instruct" },
    });
    expect((await as(BOB).models.retrieve("catalog/alice-private")).provider_resource_id).toBe(
      "Llama-3.2-1B-Instruct",
    );
    expect((await as(ALICE).models.retrieve("catalog/alice-private")).provider_resource_id).toBe(
      "Llama-3.1-8B-Instruct",
    );
    // Inference resolves the model id to the caller's own entry.
    const resolve = async (principal: string) =>
      (await ts.stack.tables.models.resolve("catalog/alice-private", { principal, enforced: true }))
        .provider_resource_id;
    expect(await resolve("alice")).toBe("Llama-3.1-8B-Instruct");
    expect(await resolve("bob")).toBe("Llama-3.2-1B-Instruct");
    // An id the caller can see (its own, or a shared one) is still a 409: that reveals nothing.
    const again = await as(BOB)
      .post("/v1/models", { body: { model_id: "alice-private", provider_id: "catalog" } })
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(LlamaStackClient.ConflictError);
    const shared = await as(BOB)
      .post("/v1/models", { body: { model_id: "Llama-3.1-8B-Instruct", provider_id: "catalog" } })
      .catch((e: unknown) => e);
    expect(shared).toBeInstanceOf(LlamaStackClient.ConflictError);
    // Deleting removes the caller's own entry only.
    await as(BOB).delete("/v1/models/catalog/alice-private");
    await expect(as(BOB).models.retrieve("catalog/alice-private")).rejects.toBeInstanceOf(
      LlamaStackClient.NotFoundError,
    );
    expect((await as(ALICE).models.retrieve("catalog/alice-private")).identifier).toBe(
      "catalog/alice-private",
    );
  });

  it("records the owner in storage", async () => {
    const found = await ts.stack.tables.models.find("catalog/alice-private", {
      principal: "alice",
      enforced: true,
    });
    expect(found?.owner).toBe("alice");
    expect(found?.source).toBe("api");
  });
});
