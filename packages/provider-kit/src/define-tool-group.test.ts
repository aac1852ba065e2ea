import { InvalidRequestError, NotFoundError, TOOL_ERROR, type ToolGroup } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "./define-tool.ts";
import { defineToolGroup } from "./define-tool-group.ts";

const group: ToolGroup = { identifier: "calc", provider_id: "calc", type: "tool_group" };

const add = defineTool({
  name: "add",
  description: "Adds two numbers.",
  parameters: z.object({ a: z.number(), b: z.number() }),
  handler: ({ a, b }) => String(a + b),
});
const echo = defineTool({
  name: "echo",
  description: "Echoes text, as a JSON-Schema tool.",
  parameters: { type: "object", properties: { text: { type: "string", minLength: 1 } }, required: ["text"] },
  handler: (args) => String(args.text),
  maxOutputChars: 10,
});
const slow = defineTool({
  name: "slow",
  description: "Never finishes on time.",
  parameters: z.object({}),
  timeoutMs: 50,
  handler: (_args, { signal }) =>
    new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve("late"), 10_000);
      signal.addEventListener("abort", () => clearTimeout(timer));
    }),
});
const broken = defineTool({
  name: "broken",
  description: "Always fails.",
  parameters: z.object({}),
  handler: () => {
    throw new Error("the weather service is down");
  },
});

const module = defineToolGroup({
  type: "inline::calc",
  description: "Test tools.",
  configSchema: z.object({}),
  defaultToolGroups: ["calc"],
  create: () => ({ tools: () => [add, echo, slow, broken] }),
});

describe("defineToolGroup", async () => {
  const provider = await module.create({} as never);
  const invoke = (toolName: string, kwargs: Record<string, unknown>) =>
    provider.invokeTool({ toolName, kwargs, toolGroup: group }, {});

  it("lists tools with JSON Schemas and their group", async () => {
    const tools = await provider.listTools(group, {});
    expect(tools.map((t) => t.name)).toEqual(["add", "echo", "slow", "broken"]);
    expect(tools[0]).toMatchObject({
      toolgroup_id: "calc",
      input_schema: { type: "object", properties: { a: { type: "number" } }, required: ["a", "b"] },
    });
    expect(tools[0]!.input_schema).not.toHaveProperty("$schema");
    expect(provider.defaultToolGroups).toEqual(["calc"]);
  });

  it("runs a tool with checked arguments", async () => {
    expect(await invoke("add", { a: 2, b: 3 })).toEqual({ content: "5" });
  });

  it("refuses bad arguments before the handler, naming the argument (zod and JSON Schema)", async () => {
    const bad = await invoke("add", { a: "2", b: 3 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidRequestError);
    expect(bad).toMatchObject({ param: "kwargs.a" });
    expect((bad as Error).message).toContain("Invalid arguments for tool 'add'");
    const empty = await invoke("echo", { text: "" }).catch((e: unknown) => e);
    expect(empty).toMatchObject({ param: "kwargs.text" });
  });

  it("an unknown tool is a 404", async () => {
    await expect(invoke("nope", {})).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a timeout and a handler's failure are tool errors the model can read", async () => {
    expect(await invoke("slow", {})).toEqual({
      error_code: TOOL_ERROR.timedOut,
      error_message: "Tool 'slow' did not finish within 50 ms.",
    });
    expect(await invoke("broken", {})).toEqual({
      error_code: TOOL_ERROR.failed,
      error_message: "the weather service is down",
    });
  });

  it("cuts long output with a visible marker", async () => {
    const result = await invoke("echo", { text: "abcdefghijklmnop" });
    expect(result.content).toBe("abcdefghij\n[output truncated: 10 of 16 characters shown]");
    expect(result.metadata).toEqual({ truncated: true });
  });

  it("a caller that goes away is not reported as a tool error", async () => {
    const controller = new AbortController();
    const pending = provider.invokeTool(
      { toolName: "slow", kwargs: {}, toolGroup: group },
      { signal: controller.signal },
    );
    controller.abort(new Error("client gone"));
    await expect(pending).rejects.toThrow("client gone");
  });
});
