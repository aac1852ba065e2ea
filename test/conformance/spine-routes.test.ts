import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogConfig, startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// The spine's routes, driven by the two official clients against a real server.
let ts: TestStack;
let client: LlamaStackClient;
let openai: OpenAI;

beforeAll(async () => {
  ts = await startTestStack(catalogConfig());
  client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
  openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
});
afterAll(async () => {
  await ts?.close();
});

describe("inspect", () => {
  it("reports health and version", async () => {
    expect(await client.inspect.health()).toEqual({ status: "OK" });
    const { version } = await client.inspect.version();
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("lists routes with the provider types behind them, filtered by API level", async () => {
    const all = await client.routes.list();
    const models = all.find((r) => r.route === "/v1/models/{model_id}" && r.method === "GET");
    expect(models?.provider_types).toEqual(["remote::fixed-catalog"]);
    expect(all.some((r) => r.route === "/v1alpha/admin/providers")).toBe(true);

    const alpha = await client.routes.list({ api_filter: "v1alpha" });
    expect(alpha.length).toBeGreaterThan(0);
    expect(alpha.every((r) => r.route.startsWith("/v1alpha/"))).toBe(true);

    const deprecated = await client.routes.list({ api_filter: "deprecated" });
    expect(deprecated.map((r) => `${r.method} ${r.route}`).sort()).toEqual([
      "DELETE /v1/models/{model_id}",
      "DELETE /v1/shields/{identifier}",
      "POST /v1/models",
      "POST /v1/shields",
    ]);
  });

  it("api_filter v1alpha and v1beta list exactly the routes under those prefixes (both clients)", async () => {
    const all = await client.routes.list();
    const alpha = await client.routes.list({ api_filter: "v1alpha" });
    expect(alpha).toEqual(all.filter((r) => r.route.startsWith("/v1alpha/")));
    expect(alpha.map((r) => `${r.method} ${r.route}`)).toEqual(
      expect.arrayContaining(["POST /v1alpha/inference/rerank", "GET /v1alpha/admin/providers"]),
    );
    expect(await client.alpha.admin.listRoutes({ api_filter: "v1alpha" })).toEqual(alpha);
    // No /v1beta API is served yet: an empty list, not an error.
    const beta = await client.routes.list({ api_filter: "v1beta" });
    expect(beta).toEqual(all.filter((r) => r.route.startsWith("/v1beta/")));
    const viaOpenAI = (await openai.get("/inspect/routes", { query: { api_filter: "v1alpha" } })) as {
      data: unknown[];
    };
    expect(viaOpenAI.data).toEqual(alpha);
  });

  it("rejects an unknown api_filter with a 400 the client raises as BadRequestError", async () => {
    await expect(client.routes.list({ api_filter: "v2" as "v1" })).rejects.toBeInstanceOf(
      LlamaStackClient.BadRequestError,
    );
  });
});

describe("providers", () => {
  it("lists providers with secrets masked (only secrets) and live health", async () => {
    const providers = await client.providers.list();
    expect(providers).toHaveLength(1);
    expect(providers[0]).toMatchObject({
      api: "inference",
      provider_id: "catalog",
      provider_type: "remote::fixed-catalog",
      health: { status: "OK" },
    });
    expect(providers[0]!.config.api_key).toBe("********");
    expect(providers[0]!.config.max_tokens).toBe(256);
    expect(JSON.stringify(providers)).not.toContain("sk-secret");
  });

  it("retrieves one provider, and 404s an unknown one", async () => {
    expect((await client.providers.retrieve("catalog")).provider_type).toBe("remote::fixed-catalog");
    const error = await client.providers.retrieve("nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlamaStackClient.NotFoundError);
    expect((error as InstanceType<typeof LlamaStackClient.NotFoundError>).error).toMatchObject({
      error: {
        message: "Provider 'nope' not found. List providers with GET /v1/providers.",
        type: "not_found_error",
      },
    });
  });

  it("serves the /v1alpha/admin mirrors", async () => {
    expect(await client.alpha.admin.health()).toEqual({ status: "OK" });
    expect((await client.alpha.admin.version()).version).toBe((await client.inspect.version()).version);
    expect((await client.alpha.admin.listProviders()).map((p) => p.provider_id)).toEqual(["catalog"]);
    expect((await client.alpha.admin.inspectProvider("catalog")).api).toBe("inference");
    const routes = await client.alpha.admin.listRoutes({ api_filter: "v1" });
    expect(routes.some((r) => r.route === "/v1/models")).toBe(true);
    await expect(client.alpha.admin.inspectProvider("nope")).rejects.toBeInstanceOf(
      LlamaStackClient.NotFoundError,
    );
  });
});

describe("models", () => {
  it("lists discovered models in the OpenAI shape with custom_metadata (both clients)", async () => {
    const viaStack = await client.models.list();
    const page = await openai.models.list();
    const ids = page.data.map((m) => m.id);
    expect(ids.sort()).toEqual(["catalog/Llama-3.1-8B-Instruct", "catalog/all-MiniLM-L6-v2"]);
    expect(viaStack.map((m) => m.id).sort()).toEqual(ids);
    const embedding = page.data.find((m) => m.id === "catalog/all-MiniLM-L6-v2") as unknown as {
      object: string;
      owned_by: string;
      created: number;
      custom_metadata: Record<string, unknown>;
    };
    expect(embedding).toMatchObject({
      object: "model",
      owned_by: "llama_stack",
      custom_metadata: {
        model_type: "embedding",
        provider_id: "catalog",
        provider_resource_id: "all-MiniLM-L6-v2",
        embedding_dimension: 384,
      },
    });
    expect(Math.abs(embedding.created - Date.now() / 1000)).toBeLessThan(600);
  });

  it("retrieves a model whose id contains '/' in the Llama Stack shape", async () => {
    const model = await client.models.retrieve("catalog/Llama-3.1-8B-Instruct");
    expect(model).toEqual({
      identifier: "catalog/Llama-3.1-8B-Instruct",
      provider_id: "catalog",
      provider_resource_id: "Llama-3.1-8B-Instruct",
      model_type: "llm",
      metadata: { context_length: 131072 },
      type: "model",
      // The OpenAI fields ride along, so openai.models.retrieve() works as well.
      id: "catalog/Llama-3.1-8B-Instruct",
      object: "model",
      created: expect.any(Number),
      owned_by: "llama_stack",
    });
  });

  it("resolves an unscoped provider model id, as upstream does for old clients", async () => {
    expect((await client.models.retrieve("Llama-3.1-8B-Instruct")).identifier).toBe(
      "catalog/Llama-3.1-8B-Instruct",
    );
  });

  it("turns an unknown model into each client's NotFoundError", async () => {
    const stackError = await client.models.retrieve("catalog/no-such-model").catch((e: unknown) => e);
    expect(stackError).toBeInstanceOf(LlamaStackClient.NotFoundError);
    expect((stackError as { status: number }).status).toBe(404);
    const openaiError = await openai.models.retrieve("catalog/no-such-model").catch((e: unknown) => e);
    expect(openaiError).toBeInstanceOf(OpenAI.NotFoundError);
    expect((openaiError as InstanceType<typeof OpenAI.NotFoundError>).message).toContain(
      "Model 'catalog/no-such-model' not found.",
    );
    expect((openaiError as InstanceType<typeof OpenAI.NotFoundError>).code).toBe("model_not_found");
  });

  it("registers and unregisters a model through the legacy routes", async () => {
    const registered = await client.post("/v1/models", {
      body: {
        model_id: "my-alias",
        provider_id: "catalog",
        provider_model_id: "Llama-3.1-8B-Instruct",
        metadata: { note: "alias" },
      },
    });
    expect(registered).toMatchObject({
      identifier: "catalog/my-alias",
      provider_resource_id: "Llama-3.1-8B-Instruct",
      model_type: "llm",
      type: "model",
    });
    expect((await client.models.list()).map((m) => m.id)).toContain("catalog/my-alias");

    // A second registration of the same id is a permanent conflict: 409 and no retry.
    const again = await fetch(`${ts.url}/v1/models`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model_id: "my-alias", provider_id: "catalog" }),
    });
    expect(again.status).toBe(409);
    expect(again.headers.get("x-should-retry")).toBe("false");

    await client.delete("/v1/models/catalog/my-alias");
    await expect(client.models.retrieve("catalog/my-alias")).rejects.toBeInstanceOf(
      LlamaStackClient.NotFoundError,
    );
  });

  it("refuses to delete a discovered model, explaining why", async () => {
    const response = await fetch(`${ts.url}/v1/models/catalog/Llama-3.1-8B-Instruct`, { method: "DELETE" });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain("model discovery");
  });

  it("validates a registration: unknown provider, missing embedding dimension, wrong types", async () => {
    const post = (body: unknown) =>
      fetch(`${ts.url}/v1/models`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const unknownProvider = await post({ model_id: "m", provider_id: "ghost" });
    expect(unknownProvider.status).toBe(400);
    expect(await unknownProvider.json()).toMatchObject({
      error: {
        message: "Inference provider 'ghost' is not configured. Configured: catalog.",
        param: "provider_id",
      },
    });
    const embedding = await post({ model_id: "e", provider_id: "catalog", model_type: "embedding" });
    expect(embedding.status).toBe(400);
    expect(((await embedding.json()) as { error: { message: string } }).error.message).toContain(
      "embedding_dimension",
    );
    const wrongType = await post({ model_id: 42, model_type: "video" });
    expect(wrongType.status).toBe(400);
    const message = ((await wrongType.json()) as { error: { message: string } }).error.message;
    expect(message).toContain("body.model_id");
    expect(message).toContain("body.model_type");
  });
});

describe("the same routes through the openai SDK's generic methods", () => {
  it("reads inspect, providers and admin routes", async () => {
    expect(await openai.get("/health")).toEqual({ status: "OK" });
    expect(await openai.get("/version")).toEqual(await client.inspect.version());
    const routes = (await openai.get("/inspect/routes", { query: { api_filter: "v1" } })) as {
      data: unknown[];
    };
    expect(routes.data).toEqual(await client.routes.list({ api_filter: "v1" }));
    const providers = (await openai.get("/providers")) as { data: { provider_id: string }[] };
    expect(providers.data.map((p) => p.provider_id)).toEqual(["catalog"]);
    expect(await openai.get("/providers/catalog")).toMatchObject({ provider_type: "remote::fixed-catalog" });
    const admin = new OpenAI({ baseURL: `${ts.url}/v1alpha/admin`, apiKey: "none", maxRetries: 0 });
    expect(await admin.get("/health")).toEqual({ status: "OK" });
    await expect(openai.get("/providers/nope")).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("registers, retrieves and deletes a model", async () => {
    const created = await openai.post("/models", {
      body: { model_id: "via-openai", provider_id: "catalog" },
    });
    expect(created).toMatchObject({ identifier: "catalog/via-openai", type: "model" });
    expect((await openai.models.retrieve("catalog/via-openai")).id).toBe("catalog/via-openai");
    await openai.delete("/models/catalog/via-openai");
    await expect(openai.models.retrieve("catalog/via-openai")).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    const conflict = await openai
      .post("/models", { body: { model_id: "Llama-3.1-8B-Instruct" } })
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(OpenAI.ConflictError);
  });
});
