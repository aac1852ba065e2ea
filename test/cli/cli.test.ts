import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import LlamaStackClient from "llama-stack-client";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { freePort } from "../helpers/free-port.ts";
import { runCli, startCli } from "../helpers/run-cli.ts";
import { catalogConfig, TEST_DIR } from "../helpers/start-test-stack.ts";

async function writeConfig(patch: Record<string, unknown> = {}) {
  const dir = await mkdtemp(join(tmpdir(), "lsts-cli-"));
  const config = catalogConfig();
  const entry = config.providers!.inference![0]!;
  const path = join(dir, "config.yaml");
  await writeFile(
    path,
    stringify({
      ...config,
      providers: {
        inference: [
          {
            ...entry,
            module: join(TEST_DIR, "fixtures/providers/fixed-catalog-inference.ts"),
            config: { ...(entry.config as object), ...patch },
          },
        ],
      },
    }),
  );
  return { dir, path };
}

async function waitUntil(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("llama-stack-ts CLI", () => {
  it("prints usage, version, APIs and providers", async () => {
    const version = await runCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const apis = await runCli(["list-apis"]);
    expect(apis.code).toBe(0);
    expect(apis.stdout).toMatch(/^inference\s/m);
    expect(apis.stdout).toMatch(/^vector_io\s/m);
    const providers = await runCli(["list-providers"]);
    expect(providers.stdout).toContain("module:");
    const unknown = await runCli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  });

  it("exits 1 with the bad key named when the config is invalid", async () => {
    const { dir } = await writeConfig();
    const path = join(dir, "bad.yaml");
    await writeFile(path, "server:\n  portt: 1\n");
    const result = await runCli(["run", path, "--data-dir", join(dir, "data")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("server.portt: unknown key");
    const missing = await runCli(["run", "no-such-distro"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Distributions: default, postgres");
  });

  it("starts the default distribution with zero set-up and says how to get a model", async () => {
    const home = await mkdtemp(join(tmpdir(), "lsts-home-"));
    const port = await freePort();
    // No downloads in tests: the default distribution's models stay missing, and it says how to get them.
    const cli = startCli(["run", "--port", String(port)], {
      LLAMA_STACK_TS_HOME: home,
      LLAMA_STACK_AUTO_PULL: "false",
    });
    try {
      const out = await cli.waitFor("ready in");
      expect(out).toContain(`listening on http://127.0.0.1:${port}`);
      expect(out).toContain(join(home, "distributions", "default", "pgdata"));
      expect(out).toContain("llama-cpp/Llama-3.2-1B-Instruct");
      // The distribution lists the APIs upstream's does, and every one of them is served now.
      expect(cli.stderr()).not.toContain("not served by this server yet");
      await waitUntil(() =>
        cli.stderr().includes("models pull hf:bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M"),
      );
      const chat = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          model: "llama-cpp/Llama-3.2-1B-Instruct",
          messages: [{ role: "user", content: "hi" }],
        }),
      });
      expect(chat.status).toBe(503);
      const message = ((await chat.json()) as { error: { message: string } }).error.message;
      expect(message).toContain("llama-stack-ts models pull hf:bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M");
      expect(message).toContain(`--models-dir ${join(home, "models")}`); // follows LLAMA_STACK_TS_HOME
      const health = await fetch(`http://127.0.0.1:${port}/v1/health`);
      expect(await health.json()).toEqual({ status: "OK" });
      // Tools out of the box: the code interpreter and file search (web search needs a key).
      const groups = (await (await fetch(`http://127.0.0.1:${port}/v1/toolgroups`)).json()) as {
        data: { identifier: string }[];
      };
      expect(groups.data.map((g) => g.identifier).sort()).toEqual([
        "builtin::code_interpreter",
        "builtin::file_search",
      ]);
      // Safety works out of the box: the code scanner needs no model; Llama Guard fails closed until its model is there.
      const stack = new LlamaStackClient({ baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 });
      expect((await stack.shields.list()).map((s) => s.identifier)).toEqual(["code-scanner", "llama-guard"]);
      const code = await stack.safety.runShield({
        shield_id: "code-scanner",
        messages: [{ role: "user", content: "```python\nimport os\nos.system(input())\n```" }],
      });
      expect(code.violation?.metadata).toMatchObject({ violation_type: "python.os-system" });
      const guard = await stack.safety.runShield({
        shield_id: "llama-guard",
        messages: [{ role: "user", content: "hi" }],
      });
      expect(guard.violation).toMatchObject({ violation_level: "error", metadata: { on_error: "block" } });
      expect(String(guard.violation?.metadata?.shield_error)).toContain("models pull");
    } finally {
      cli.child.kill("SIGTERM");
      expect(await cli.exited).toBe(0);
    }
  });

  it("finishes in-flight requests on SIGTERM, closes storage, and keeps state across restarts", async () => {
    const { dir, path } = await writeConfig({ health_delay_ms: 1500 });
    const dataDir = join(dir, "data");
    const port = await freePort();
    const first = startCli(["run", path, "--port", String(port), "--data-dir", dataDir]);
    await first.waitFor("ready in");
    const client = new LlamaStackClient({ baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 });
    await client.post("/v1/models", { body: { model_id: "kept", provider_id: "catalog" } });

    // A second server on the same data directory must refuse to start, not corrupt it.
    const second = startCli(["run", path, "--port", String(await freePort()), "--data-dir", dataDir]);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toContain(`is in use by process ${first.child.pid}`);

    const slow = client.providers.list(); // takes 1.5 s: the provider's health check is slow
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.child.kill("SIGTERM");
    const providers = await slow;
    expect(providers[0]?.health.status).toBe("OK");
    expect(await first.exited).toBe(0);
    expect(first.stderr()).toContain("stopped cleanly");
    await expect(fetch(`http://127.0.0.1:${port}/v1/health`)).rejects.toThrow();

    const restarted = startCli(["run", path, "--port", String(port), "--data-dir", dataDir]);
    try {
      await restarted.waitFor("ready in");
      expect((await client.models.retrieve("catalog/kept")).identifier).toBe("catalog/kept");
    } finally {
      restarted.child.kill("SIGTERM");
      expect(await restarted.exited).toBe(0);
    }
  });
});
