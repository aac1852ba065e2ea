import { createLogger, createStack, ProviderRegistry, parseRunConfig } from "@llama-stack-ts/core";
import { describe, expect, it } from "vitest";
import { catalogConfig, TEST_DIR } from "../helpers/start-test-stack.ts";

const quiet = createLogger({ level: "silent" });
const start = (config: unknown) =>
  createStack({
    config: parseRunConfig(config, { env: {} }),
    registry: new ProviderRegistry(),
    dataDir: null,
    baseDir: TEST_DIR,
    logger: quiet,
  });

function withProvider(patch: Record<string, unknown>) {
  const config = catalogConfig();
  const entry = config.providers!.inference![0]!;
  return { ...config, providers: { inference: [{ ...entry, ...patch }] } };
}

describe("provider plug-ins", () => {
  it("loads a third-party provider by module path and discovers its models", async () => {
    const stack = await start(catalogConfig());
    try {
      expect(stack.providers.all.map((p) => `${p.providerId}:${p.providerType}`)).toEqual([
        "catalog:remote::fixed-catalog",
      ]);
      expect((await stack.tables.models.list({ principal: null, enforced: false })).length).toBe(2);
    } finally {
      await stack.close();
    }
  });

  it("validates the provider's config with its own schema, naming the key", async () => {
    await expect(start(withProvider({ config: { models: [{ id: 3 }] } }))).rejects.toThrow(
      "providers.inference[0].config.models[0].id",
    );
    await expect(start(withProvider({ config: { modles: [] } }))).rejects.toThrow(
      "providers.inference[0].config.modles: unknown key",
    );
  });

  it("explains an unknown provider type and a module that does not match its entry", async () => {
    const { module: _drop, ...noModule } = catalogConfig().providers!.inference![0]!;
    await expect(start({ ...catalogConfig(), providers: { inference: [noModule] } })).rejects.toThrow(
      "Unknown provider_type 'remote::fixed-catalog' for api 'inference'",
    );
    await expect(start(withProvider({ provider_type: "remote::other" }))).rejects.toThrow(
      "implements inference/remote::fixed-catalog, but the config lists it under inference/remote::other",
    );
    await expect(start(withProvider({ module: "./fixtures/providers/missing.ts" }))).rejects.toThrow(
      "Cannot load provider module './fixtures/providers/missing.ts'",
    );
  });

  it("refuses a provider for an API this Stack has no provider type for (listing the API alone only warns)", async () => {
    const config = catalogConfig({ apis: ["inference", "responses"] });
    await expect(
      start({
        ...config,
        providers: {
          ...config.providers,
          responses: [{ provider_id: "builtin", provider_type: "inline::builtin", config: {} }],
        },
      }),
    ).rejects.toThrow("Unknown provider_type 'inline::builtin' for api 'responses'. Available: none");
    const listedOnly = await start(config);
    await listedOnly.close();
  });

  it("rejects duplicate provider ids and providers of APIs that are not enabled", async () => {
    const entry = catalogConfig().providers!.inference![0]!;
    await expect(start({ ...catalogConfig(), providers: { inference: [entry, entry] } })).rejects.toThrow(
      "providers.inference[1].provider_id: 'catalog' is used by another provider",
    );
    await expect(start({ ...catalogConfig(), apis: ["safety"] })).rejects.toThrow(
      "providers.inference: api 'inference' is not listed in 'apis'",
    );
  });

  it("registers config models under provider_id/model_id and rejects unknown providers", async () => {
    const stack = await start(
      catalogConfig({
        registered_resources: {
          models: [{ model_id: "chat", provider_id: "catalog", provider_model_id: "Llama-3.1-8B-Instruct" }],
        },
      }),
    );
    try {
      const model = await stack.tables.models.get("catalog/chat", { principal: null, enforced: false });
      expect(model.provider_resource_id).toBe("Llama-3.1-8B-Instruct");
    } finally {
      await stack.close();
    }
    await expect(
      start(catalogConfig({ registered_resources: { models: [{ model_id: "m", provider_id: "nope" }] } })),
    ).rejects.toThrow("Inference provider 'nope' is not configured");
    await expect(
      start(catalogConfig({ registered_resources: { shields: [{ shield_id: "guard" }] } })),
    ).rejects.toThrow(
      "registered_resources.shields[0].provider_id: required, no safety provider is configured",
    );
  });
});
