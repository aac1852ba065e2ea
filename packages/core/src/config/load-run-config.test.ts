import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { selectBackend } from "../storage/select-backend.ts";
import { ConfigError, loadRunConfig, parseRunConfig } from "./load-run-config.ts";

const provider = (id: string) => ({
  provider_id: id,
  provider_type: "remote::vllm",
  config: { url: "http://x" },
});

describe("parseRunConfig", () => {
  it("fills upstream's defaults", () => {
    const config = parseRunConfig({});
    expect(config.server).toMatchObject({ port: 8321, host: "127.0.0.1" });
    expect(config.registered_resources.models).toEqual([]);
  });

  it("names unknown keys with their full path", () => {
    expect(() => parseRunConfig({ server: { prot: 1 } })).toThrow("server.prot: unknown key");
    expect(() =>
      parseRunConfig({
        registered_resources: { models: [{ model_id: "m", provider_id: "p", modle_type: "llm" }] },
      }),
    ).toThrow("registered_resources.models[0].modle_type: unknown key");
    expect(() => parseRunConfig({ provders: {} })).toThrow("provders: unknown key");
  });

  it("names wrong types and values", () => {
    expect(() => parseRunConfig({ server: { port: "many" } })).toThrow(/server\.port: /);
    expect(() =>
      parseRunConfig({ providers: { inference: [{ provider_id: "x", provider_type: "vllm" }] } }),
    ).toThrow("providers.inference[0].provider_type: expected 'inline::name' or 'remote::name'");
    expect(() => parseRunConfig({ apis: ["inference", "teleportation"] })).toThrow(/apis\[1\]/);
  });

  it("bounds an auth principal: it is stored in an indexed key with what it registers", () => {
    const auth = (principal: string) => ({
      server: { auth: { provider_config: { type: "api_keys", keys: [{ key: "k".repeat(16), principal }] } } },
    });
    expect(() => parseRunConfig(auth("p".repeat(257)))).toThrow(
      /server\.auth\.provider_config\.keys\[0\]\.principal: at most 256 bytes/,
    );
    expect(() => parseRunConfig(auth("p".repeat(256)))).not.toThrow();
  });

  it("drops providers whose id resolves empty or __disabled__", () => {
    const config = parseRunConfig(
      {
        providers: {
          inference: [
            { ...provider("x"), provider_id: "${env.OLLAMA_URL:+ollama}" },
            { ...provider("x"), provider_id: "${env.VLLM_URL:+vllm}" },
            { ...provider("x"), provider_id: "__disabled__" },
          ],
        },
        registered_resources: {
          shields: [{ shield_id: "guard", provider_id: "${env.SAFETY_MODEL:+llama-guard}" }],
        },
      },
      { env: { VLLM_URL: "http://vllm:8000" } },
    );
    expect(config.providers.inference?.map((p) => p.provider_id)).toEqual(["vllm"]);
    expect(config.registered_resources.shields).toEqual([]);
  });

  it("rejects storage backends llama-stack-ts does not run, saying what to use", () => {
    expect(() =>
      parseRunConfig({ storage: { backends: { kv_default: { type: "kv_sqlite", db_path: "/x" } } } }),
    ).toThrow(
      "storage.backends.kv_default.type: 'kv_sqlite' is not supported by llama-stack-ts; use 'sql_pglite'",
    );
  });
});

describe("selectBackend", () => {
  it("defaults to embedded PGlite and insists on one database", () => {
    expect(selectBackend(parseRunConfig({}).storage)).toBeNull();
    const two = parseRunConfig({
      storage: {
        backends: { a: { type: "sql_pglite" }, b: { type: "sql_postgres", url: "postgres://h/db" } },
        stores: { metadata: { backend: "a" }, inference: { backend: "b" } },
      },
    });
    expect(() => selectBackend(two.storage)).toThrow(ConfigError);
    const unknown = parseRunConfig({
      storage: { backends: { a: { type: "sql_pglite" } }, stores: { metadata: { backend: "z" } } },
    });
    expect(() => selectBackend(unknown.storage)).toThrow(
      "storage.stores.metadata.backend: unknown backend 'z'",
    );
  });
});

describe("loadRunConfig", () => {
  it("reports YAML syntax errors with the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lsts-config-"));
    const path = join(dir, "bad.yaml");
    await writeFile(path, "server:\n  port: [1,\n");
    await expect(loadRunConfig(path)).rejects.toThrow(`Run config ${path} is not valid YAML`);
  });

  it("loads upstream's starter-style file and resolves module paths against its folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lsts-config-"));
    const path = join(dir, "config.yaml");
    await writeFile(
      path,
      [
        "version: 2",
        "image_name: starter",
        "apis: [inference]",
        "providers:",
        "  inference:",
        "  - provider_id: ${env.OLLAMA_URL:+ollama}",
        "    provider_type: remote::ollama",
        "    config: { base_url: '${env.OLLAMA_URL:=http://localhost:11434/v1}' }",
        "server:",
        "  port: ${env.LLAMA_STACK_PORT:=8321}",
      ].join("\n"),
    );
    const loaded = await loadRunConfig(path, { OLLAMA_URL: "http://o:11434/v1", LLAMA_STACK_PORT: "9001" });
    expect(loaded.baseDir).toBe(dir);
    expect(loaded.config.server.port).toBe(9001);
    expect(loaded.config.providers.inference?.[0]?.config).toEqual({ base_url: "http://o:11434/v1" });
  });
});
