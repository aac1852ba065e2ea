import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import {
  ANONYMOUS,
  createLogger,
  createStack,
  loadRunConfig,
  ProviderRegistry,
  type Stack,
} from "@llama-stack-ts/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The README's run config, loaded the way the CLI loads it: the shield comes in by `module:` path.
const RUN_YAML = fileURLToPath(new URL("../run.yaml", import.meta.url));
const README = fileURLToPath(new URL("../README.md", import.meta.url));
let stack: Stack;

beforeAll(async () => {
  const { config, baseDir } = await loadRunConfig(RUN_YAML, {});
  stack = await createStack({
    config,
    registry: new ProviderRegistry(),
    dataDir: null,
    baseDir,
    logger: createLogger({ level: "silent" }),
  });
});
afterAll(async () => {
  await stack?.close();
});

describe("keyword-blocklist example shield", () => {
  it("is what the README shows", async () => {
    expect(await readFile(README, "utf8")).toContain(await readFile(RUN_YAML, "utf8"));
  });

  it("loads by module path and registers its shield from the run config", async () => {
    expect(stack.providers.find("blocklist")?.providerType).toBe("inline::keyword-blocklist");
    expect(await stack.shields.list({ access: ANONYMOUS })).toEqual([
      {
        identifier: "keyword-blocklist",
        provider_id: "blocklist",
        provider_resource_id: "keyword-blocklist",
        type: "shield",
      },
    ]);
    expect(await stack.safety.touchpointsOf("keyword-blocklist", { access: ANONYMOUS })).toEqual([
      "input",
      "output",
    ]);
  });

  it("registers a shield without provider_id when it is the only safety provider", async () => {
    const shield = await stack.shields.register(
      { shield_id: "strict", params: { on_error: "allow" } },
      { access: ANONYMOUS },
    );
    expect(shield).toEqual({
      identifier: "strict",
      provider_id: "blocklist",
      provider_resource_id: "strict",
      params: { on_error: "allow" },
      type: "shield",
    });
    expect((await stack.safety.optionsOf("strict", { access: ANONYMOUS })).on_error).toBe("allow");
    await stack.shields.unregister("strict", { access: ANONYMOUS });
  });

  it("passes clean messages and flags a listed word, whole words only, any case", async () => {
    const run = (content: string) =>
      stack.safety.runShield(
        { shield_id: "keyword-blocklist", messages: [{ role: "user", content }] },
        { access: ANONYMOUS },
      );
    expect(await run("What is the capital of France?")).toEqual({ violation: null });
    expect(await run("passwords are hashed")).toEqual({ violation: null });
    expect(await run("My Credit Card number is…")).toEqual({
      violation: {
        violation_level: "error",
        user_message: "Sorry, that message contains a blocked word.",
        metadata: { violation_type: "blocked_word", word: "credit card" },
      },
    });
  });

  it("answers moderations through the default shield, one result per input", async () => {
    const response = await stack.safety.moderate(
      { input: ["hello", "my password is hunter2"] },
      { access: ANONYMOUS },
    );
    expect(response.id).toMatch(/^modr-/);
    expect(response.model).toBe("keyword-blocklist");
    expect(response.results.map((r) => r.flagged)).toEqual([false, true]);
    expect(response.results[1]!.metadata).toEqual({ word: "password" });
  });
});
