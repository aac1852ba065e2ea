import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// Tool groups, tools and the tool runtime over HTTP, with a test tool group loaded by `module:`
// and a keyword shield guarding tool results.
let ts: TestStack;

beforeAll(async () => {
  ts = await startTestStack({
    distro_name: "test",
    apis: ["tool_runtime", "safety"],
    providers: {
      tool_runtime: [
        {
          provider_id: "test-tools",
          provider_type: "inline::test-tools",
          module: "./fixtures/providers/test-tool-group.ts",
          config: {},
        },
        // Offers the same default group: the first provider listed keeps serving it.
        {
          provider_id: "test-tools-2",
          provider_type: "inline::test-tools",
          module: "./fixtures/providers/test-tool-group.ts",
          config: {},
        },
      ],
      safety: [
        {
          provider_id: "blocklist",
          provider_type: "inline::keyword-blocklist",
          module: "../safety/example-shield/src/keyword-blocklist-shield.ts",
          config: { words: ["ignore previous instructions"], touchpoints: ["tool_results"] },
        },
      ],
    },
    registered_resources: {
      tool_groups: [{ toolgroup_id: "mine::calc", provider_id: "test-tools", args: { note: "from config" } }],
      shields: [{ shield_id: "injection-words", provider_id: "blocklist" }],
    },
  });
});
afterAll(async () => {
  await ts?.close();
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${ts.url}${path}`, {
    method,
    ...(body !== undefined
      ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }
      : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
const invoke = (tool_name: string, kwargs: Record<string, unknown> = {}) =>
  call("POST", "/v1/tool-runtime/invoke", { tool_name, kwargs });

describe("tool groups", () => {
  it("lists the provider's default group and the configured one", async () => {
    const { status, body } = await call("GET", "/v1/toolgroups");
    expect(status).toBe(200);
    expect(body.data).toEqual(
      expect.arrayContaining([
        {
          identifier: "test::calc",
          provider_id: "test-tools",
          provider_resource_id: "test::calc",
          type: "tool_group",
        },
        expect.objectContaining({ identifier: "mine::calc", args: { note: "from config" } }),
      ]),
    );
    expect((await call("GET", "/v1/toolgroups/test::calc")).body.provider_id).toBe("test-tools");
    expect(body.data.filter((g: { provider_id: string }) => g.provider_id === "test-tools-2")).toEqual([]);
    expect((await call("GET", "/v1/toolgroups/none::such")).status).toBe(404);
  });

  it("registers, reads and deletes a group at run time; defaults and config groups stay", async () => {
    const made = await call("POST", "/v1/toolgroups", {
      toolgroup_id: "runtime::calc",
      provider_id: "test-tools",
    });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ identifier: "runtime::calc", provider_id: "test-tools" });
    expect(
      (await call("POST", "/v1/toolgroups", { toolgroup_id: "runtime::calc", provider_id: "test-tools" }))
        .status,
    ).toBe(409);
    expect((await call("DELETE", "/v1/toolgroups/runtime::calc")).status).toBe(204);
    expect((await call("GET", "/v1/toolgroups/runtime::calc")).status).toBe(404);
    expect((await call("DELETE", "/v1/toolgroups/test::calc")).status).toBe(409);
    const unknown = await call("POST", "/v1/toolgroups", { toolgroup_id: "x", provider_id: "nope" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.param).toBe("provider_id");
  });
});

describe("tools", () => {
  it("lists tools with JSON Schemas, per group or all", async () => {
    const one = await call("GET", "/v1/tools?toolgroup_id=test::calc");
    expect(one.body.data.map((t: { name: string }) => t.name)).toEqual([
      "add",
      "noop",
      "fails",
      "sleeps",
      "floods",
      "fetch_page",
    ]);
    expect(one.body.data[0]).toMatchObject({
      name: "add",
      toolgroup_id: "test::calc",
      input_schema: { type: "object", required: ["a", "b"] },
    });
    const all = await call("GET", "/v1/tools");
    expect(all.body.data).toHaveLength(12);
    expect((await call("GET", "/v1/tools/add")).body).toMatchObject({
      name: "add",
      description: "Adds two numbers.",
    });
    expect((await call("GET", "/v1/tools/subtract")).status).toBe(404);
    expect(
      (await call("GET", "/v1/tool-runtime/list-tools?tool_group_id=mine::calc")).body.data,
    ).toHaveLength(6);
    const mcp = await call("GET", "/v1/tool-runtime/list-tools?mcp_endpoint=http://127.0.0.1:9/mcp");
    expect(mcp.status).toBe(400);
    expect(mcp.body.error.message).toContain("remote::model-context-protocol");
  });
});

describe("tool runtime", () => {
  it("invokes a tool with checked arguments", async () => {
    expect(await invoke("add", { a: 2, b: 3 })).toEqual({ status: 200, body: { content: "5" } });
  });

  it("bad kwargs are a 400 naming the argument; an unknown tool a 404", async () => {
    const bad = await invoke("add", { a: "two", b: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ param: "kwargs.a", type: "invalid_request_error" });
    expect((await invoke("subtract", { a: 1 })).status).toBe(404);
  });

  it("a tool's failure and a timeout are results the model can read, not 500s", async () => {
    expect(await invoke("fails")).toEqual({
      status: 200,
      body: { error_code: 1, error_message: "the backend is down" },
    });
    expect(await invoke("sleeps")).toEqual({
      status: 200,
      body: { error_code: 3, error_message: "Tool 'sleeps' did not finish within 100 ms." },
    });
  });

  it("output over the tool's cap is cut with a visible marker", async () => {
    const { body } = await invoke("floods");
    expect(body.content).toBe(`${"x".repeat(1000)}\n[output truncated: 1000 of 5000 characters shown]`);
    expect(body.metadata).toEqual({ truncated: true });
  });

  it("shields guarding tool_results stop an injected instruction before anyone reads it", async () => {
    const { status, body } = await invoke("fetch_page");
    expect(status).toBe(200);
    expect(body.content).toBeUndefined();
    expect(body.error_code).toBe(4);
    expect(body.error_message).toMatch(
      /^The output of tool 'fetch_page' was blocked by shield 'injection-words'/,
    );
    expect(body.metadata.shield_id).toBe("injection-words");
  });
});

describe("official clients", () => {
  // Neither llama-stack-client 0.7 nor openai has tool resources; their generic methods carry
  // the same transport, and their error classes must match our statuses.
  it("llama-stack-client invokes a tool and raises its own error classes", async () => {
    const client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
    expect(
      await client.post("/v1/tool-runtime/invoke", { body: { tool_name: "add", kwargs: { a: 1, b: 2 } } }),
    ).toEqual({
      content: "3",
    });
    const tools = (await client.get("/v1/tools", { query: { toolgroup_id: "test::calc" } })) as {
      data: unknown[];
    };
    expect(tools.data).toHaveLength(6);
    const bad = await client
      .post("/v1/tool-runtime/invoke", { body: { tool_name: "add", kwargs: { a: "x" } } })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(LlamaStackClient.BadRequestError);
    const missing = await client.get("/v1/tools/nope").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(LlamaStackClient.NotFoundError);
  });

  it("openai's client does the same", async () => {
    const openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
    expect(await openai.post("/tool-runtime/invoke", { body: { tool_name: "fails", kwargs: {} } })).toEqual({
      error_code: 1,
      error_message: "the backend is down",
    });
    const bad = await openai
      .post("/tool-runtime/invoke", { body: { tool_name: "add", kwargs: {} } })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect((bad as InstanceType<typeof OpenAI.BadRequestError>).param).toBe("kwargs.a");
  });
});
