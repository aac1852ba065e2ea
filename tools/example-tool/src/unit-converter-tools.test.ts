import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { InvalidRequestError } from "@llama-stack-ts/api";
import {
  ANONYMOUS,
  createLogger,
  createStack,
  loadRunConfig,
  ProviderRegistry,
  type Stack,
} from "@llama-stack-ts/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The README's run config, loaded the way the CLI loads it: the tool group comes in by `module:` path.
const RUN_YAML = fileURLToPath(new URL("../run.yaml", import.meta.url));
const README = fileURLToPath(new URL("../README.md", import.meta.url));
const call = { access: ANONYMOUS };
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

describe("unit-converter example tool group", () => {
  it("is what the README shows", async () => {
    expect(await readFile(README, "utf8")).toContain(await readFile(RUN_YAML, "utf8"));
  });

  it("loads by module path and registers its default group and the configured one", async () => {
    expect(stack.providers.find("units")?.providerType).toBe("inline::unit-converter");
    const groups = await stack.toolGroups.list(call);
    expect(groups.map((group) => group.identifier).sort()).toEqual(["example::lengths", "example::units"]);
    expect(groups.every((group) => group.provider_id === "units")).toBe(true);
  });

  it("converts with the configured precision, as the README's curl shows", async () => {
    expect(
      await stack.toolRuntime.invoke(
        { tool_name: "convert_length", kwargs: { value: 5, from: "km", to: "mi" } },
        call,
      ),
    ).toEqual({ content: "5 km = 3.11 mi", metadata: { result: 3.11 } });
    expect(
      await stack.toolRuntime.invoke(
        { tool_name: "convert_length", kwargs: { value: 12, from: "in", to: "ft" } },
        call,
      ),
    ).toEqual({ content: "12 in = 1 ft", metadata: { result: 1 } });
  });

  it("refuses an unknown unit before converting, naming the argument", async () => {
    const error = await stack.toolRuntime
      .invoke({ tool_name: "convert_length", kwargs: { value: 1, from: "league", to: "m" } }, call)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ param: "kwargs.from" });
  });
});
