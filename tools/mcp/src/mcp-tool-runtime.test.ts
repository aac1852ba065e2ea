import {
  InvalidRequestError,
  NotFoundError,
  ServiceUnavailableError,
  TOOL_ERROR,
  type ToolGroup,
} from "@llama-stack-ts/api";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PIXEL_PNG, startTestMcpServer, type TestMcpServer } from "./__fixtures__/start-test-mcp-server.ts";
import { McpToolRuntime } from "./mcp-tool-runtime.ts";
import { McpToolsConfigSchema } from "./mcp-tools-config.ts";

function group(uri: string, args?: Record<string, unknown>): ToolGroup {
  return {
    identifier: "mcp::test",
    provider_id: "mcp",
    type: "tool_group",
    mcp_endpoint: { uri },
    args: args ?? null,
  };
}

function runtime(config: Record<string, unknown> = {}): McpToolRuntime {
  return new McpToolRuntime(McpToolsConfigSchema.parse(config));
}

let server: TestMcpServer;
let mcp: McpToolRuntime;
beforeAll(async () => {
  server = await startTestMcpServer();
});
afterAll(() => server.close());
afterEach(() => mcp?.shutdown());

describe.each([
  ["streamable HTTP", () => server.streamableUrl],
  ["SSE", () => server.sseUrl],
])("over %s", (_name, uri) => {
  it("lists the server's tools with their schemas", async () => {
    mcp = runtime();
    const tools = await mcp.listTools(group(uri()), {});
    expect(tools.map((tool) => tool.name)).toEqual(
      expect.arrayContaining([
        "echo",
        "segment_length",
        "join_tags",
        "tick",
        "pixel",
        "readme",
        "weather",
        "fail",
      ]),
    );
    const segment = tools.find((tool) => tool.name === "segment_length");
    expect(segment?.toolgroup_id).toBe("mcp::test");
    expect(JSON.stringify(segment?.input_schema)).toContain('"$ref"');
    expect(tools.find((tool) => tool.name === "weather")?.output_schema).toMatchObject({ type: "object" });
  });

  it("calls a tool and returns its text", async () => {
    mcp = runtime();
    const result = await mcp.invokeTool(
      { toolName: "echo", kwargs: { text: "hi" }, toolGroup: group(uri()) },
      {},
    );
    expect(result).toEqual({ content: [{ type: "text", text: "echo: hi" }] });
  });
});

describe("arguments", () => {
  it("checks arguments against a schema with $ref definitions before calling", async () => {
    mcp = runtime();
    const toolGroup = group(server.streamableUrl);
    const ok = await mcp.invokeTool(
      { toolName: "segment_length", kwargs: { from: { x: 0, y: 0 }, to: { x: 3, y: 4 } }, toolGroup },
      {},
    );
    expect(ok.content).toEqual([{ type: "text", text: "5" }]);
    const bad = mcp.invokeTool(
      { toolName: "segment_length", kwargs: { from: { x: "0", y: 0 }, to: { x: 3, y: 4 } }, toolGroup },
      {},
    );
    await expect(bad).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(bad).rejects.toMatchObject({ param: "kwargs.from.x" });
  });

  it("accepts arrays and rejects an empty one as the schema says", async () => {
    mcp = runtime();
    const toolGroup = group(server.streamableUrl);
    const ok = await mcp.invokeTool({ toolName: "join_tags", kwargs: { tags: ["a", "b"] }, toolGroup }, {});
    expect(ok.content).toEqual([{ type: "text", text: "a,b" }]);
    await expect(
      mcp.invokeTool({ toolName: "join_tags", kwargs: { tags: [] }, toolGroup }, {}),
    ).rejects.toMatchObject({ param: "kwargs.tags" });
  });

  it("calls a tool that takes no arguments", async () => {
    mcp = runtime();
    const result = await mcp.invokeTool(
      { toolName: "tick", kwargs: {}, toolGroup: group(server.streamableUrl) },
      {},
    );
    expect(result.content).toEqual([{ type: "text", text: "tock" }]);
  });

  it("answers 404 for a tool the server does not have", async () => {
    mcp = runtime();
    await expect(
      mcp.invokeTool({ toolName: "nope", kwargs: {}, toolGroup: group(server.streamableUrl) }, {}),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("results", () => {
  it("keeps images", async () => {
    mcp = runtime();
    const result = await mcp.invokeTool(
      { toolName: "pixel", kwargs: {}, toolGroup: group(server.streamableUrl) },
      {},
    );
    expect(result.content).toEqual([
      { type: "text", text: "a pixel" },
      { type: "image", data: PIXEL_PNG, mime_type: "image/png" },
    ]);
  });

  it("keeps embedded resources, text and blob", async () => {
    mcp = runtime();
    const result = await mcp.invokeTool(
      { toolName: "readme", kwargs: {}, toolGroup: group(server.streamableUrl) },
      {},
    );
    expect(result.content).toEqual([
      { type: "resource", resource: { uri: "file:///readme.md", mime_type: "text/markdown", text: "# Hi" } },
      { type: "resource", resource: { uri: "file:///pixel.png", mime_type: "image/png", blob: PIXEL_PNG } },
    ]);
  });

  it("puts structuredContent in metadata.structured_content", async () => {
    mcp = runtime();
    const result = await mcp.invokeTool(
      { toolName: "weather", kwargs: { city: "Oslo" }, toolGroup: group(server.streamableUrl) },
      {},
    );
    expect(result.metadata).toEqual({ structured_content: { city: "Oslo", celsius: 21 } });
    expect(result.content).toEqual([{ type: "text", text: "Oslo: 21 °C" }]);
  });

  it("turns isError into a tool error carrying the tool's text", async () => {
    mcp = runtime();
    const result = await mcp.invokeTool(
      { toolName: "fail", kwargs: {}, toolGroup: group(server.streamableUrl) },
      {},
    );
    expect(result.error_code).toBe(1);
    expect(result.error_message).toBe("the tool broke");
  });

  it("caps long output with a visible marker", async () => {
    mcp = runtime({ max_output_chars: 10 });
    const result = await mcp.invokeTool(
      { toolName: "echo", kwargs: { text: "x".repeat(100) }, toolGroup: group(server.streamableUrl) },
      {},
    );
    expect(result.metadata).toMatchObject({ truncated: true });
    expect(JSON.stringify(result.content)).toContain("output truncated");
  });

  it("returns a timed-out tool error past the timeout", async () => {
    mcp = runtime({ timeout_ms: 100 });
    const result = await mcp.invokeTool(
      { toolName: "sleep", kwargs: { ms: 2_000 }, toolGroup: group(server.streamableUrl) },
      {},
    );
    expect(result.error_code).toBe(TOOL_ERROR.timedOut);
  });
});

describe("headers", () => {
  it.each([
    ["streamable HTTP", () => server.streamableUrl, "/mcp"],
    ["SSE", () => server.sseUrl, "/messages"],
  ])("sends the authorization token as a bearer header and extra headers (%s)", async (_name, uri, path) => {
    mcp = runtime();
    const from = server.requests.length;
    const toolGroup = group(uri(), { headers: { "X-Tenant": "acme" } });
    await mcp.invokeTool(
      { toolName: "tick", kwargs: {}, toolGroup },
      { authorization: "secret-token", providerData: { mcp_headers: { [uri()]: { "X-Trace": "t-1" } } } },
    );
    const call = server.requests
      .slice(from)
      .filter((request) => request.method === "POST" && request.path === path);
    expect(call.length).toBeGreaterThan(0);
    for (const request of call) {
      expect(request.headers.authorization).toBe("Bearer secret-token");
      expect(request.headers["x-tenant"]).toBe("acme");
      expect(request.headers["x-trace"]).toBe("t-1");
    }
  });

  it("refuses an Authorization key among the headers with a 400", async () => {
    mcp = runtime();
    const toolGroup = group(server.streamableUrl, { headers: { Authorization: "Bearer x" } });
    await expect(mcp.listTools(toolGroup, {})).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(mcp.invokeTool({ toolName: "tick", kwargs: {}, toolGroup }, {})).rejects.toMatchObject({
      param: "args.headers.Authorization",
    });
  });
});

describe("sessions", () => {
  it("reuses one session across calls with the same headers, and opens another for other headers", async () => {
    mcp = runtime();
    const before = server.sessionsOpened();
    const toolGroup = group(server.streamableUrl);
    await mcp.listTools(toolGroup, {});
    await mcp.invokeTool({ toolName: "tick", kwargs: {}, toolGroup }, {});
    await mcp.invokeTool({ toolName: "echo", kwargs: { text: "a" }, toolGroup }, {});
    expect(server.sessionsOpened() - before).toBe(1);
    await mcp.invokeTool({ toolName: "tick", kwargs: {}, toolGroup }, { authorization: "other" });
    expect(server.sessionsOpened() - before).toBe(2);
  });

  it("shares one connect between concurrent calls", async () => {
    mcp = runtime();
    const before = server.sessionsOpened();
    const toolGroup = group(server.streamableUrl);
    const results = await Promise.all(
      ["a", "b", "c"].map((text) => mcp.invokeTool({ toolName: "echo", kwargs: { text }, toolGroup }, {})),
    );
    expect(results.map((result) => result.content)).toEqual(
      ["a", "b", "c"].map((text) => [{ type: "text", text: `echo: ${text}` }]),
    );
    expect(server.sessionsOpened() - before).toBe(1);
  });

  it("closes a session after it sits idle", async () => {
    mcp = runtime({ idle_close_ms: 50 });
    const toolGroup = group(server.streamableUrl);
    const before = server.sessionsOpened();
    await mcp.invokeTool({ toolName: "tick", kwargs: {}, toolGroup }, {});
    await vi.waitFor(() => expect(server.requests.at(-1)?.method).toBe("DELETE"), { timeout: 2_000 });
    await mcp.invokeTool({ toolName: "tick", kwargs: {}, toolGroup }, {});
    expect(server.sessionsOpened() - before).toBe(2);
  });

  it.each([
    ["streamable HTTP", () => server.streamableUrl],
    ["SSE", () => server.sseUrl],
  ])("reconnects after the server restarts (%s)", async (_name, uri) => {
    mcp = runtime();
    const toolGroup = group(uri());
    expect((await mcp.invokeTool({ toolName: "tick", kwargs: {}, toolGroup }, {})).content).toBeDefined();
    await server.restart();
    const before = server.sessionsOpened();
    const result = await mcp.invokeTool({ toolName: "echo", kwargs: { text: "again" }, toolGroup }, {});
    expect(result).toEqual({ content: [{ type: "text", text: "echo: again" }] });
    expect(server.sessionsOpened()).toBeGreaterThan(before);
  });

  it("shuts its sessions down on provider shutdown", async () => {
    mcp = runtime();
    const from = server.requests.length;
    await mcp.invokeTool({ toolName: "tick", kwargs: {}, toolGroup: group(server.streamableUrl) }, {});
    await mcp.shutdown();
    expect(server.requests.slice(from).some((request) => request.method === "DELETE")).toBe(true);
  });
});

describe("SSE-only server", () => {
  let sseOnly: TestMcpServer;
  beforeAll(async () => {
    sseOnly = await startTestMcpServer(["sse"]);
  });
  afterAll(() => sseOnly.close());

  it("falls back to SSE and remembers it for the next session", async () => {
    mcp = runtime();
    const tools = await mcp.listTools(group(sseOnly.sseUrl), {});
    expect(tools.map((tool) => tool.name)).toContain("echo");
    const failedPosts = () => sseOnly.requests.filter((r) => r.method === "POST" && r.path === "/sse").length;
    expect(failedPosts()).toBe(1);
    // Other headers: a second session, which goes straight to SSE.
    const result = await mcp.invokeTool(
      { toolName: "echo", kwargs: { text: "sse" }, toolGroup: group(sseOnly.sseUrl) },
      { authorization: "t" },
    );
    expect(result.content).toEqual([{ type: "text", text: "echo: sse" }]);
    expect(failedPosts()).toBe(1);
  });
});

describe("unreachable server", () => {
  it("fails a listing with a 503 naming the endpoint, and a call with a tool error", async () => {
    mcp = runtime({ connect_timeout_ms: 2_000 });
    const dead = await startTestMcpServer();
    const uri = dead.streamableUrl;
    await dead.close();
    const listing = mcp.listTools(group(uri), {});
    await expect(listing).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(listing).rejects.toThrow(uri);
    const result = await mcp.invokeTool({ toolName: "tick", kwargs: {}, toolGroup: group(uri) }, {});
    expect(result.error_code).toBe(TOOL_ERROR.failed);
    expect(result.error_message).toContain(uri);
  });

  it("refuses a group without an mcp_endpoint", async () => {
    mcp = runtime();
    const toolGroup: ToolGroup = { identifier: "g", provider_id: "mcp", type: "tool_group" };
    await expect(mcp.listTools(toolGroup, {})).rejects.toMatchObject({ param: "mcp_endpoint" });
  });
});
